using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace IkiBot.Bot.Editing;

/// <summary>
/// The Word original of the IKI document as the text export the reader knows: each paragraph a line, each table row a
/// line of tab-separated cells (a cell's paragraphs joined by spaces), in document order.
/// </summary>
public static class DocxText
{
    public static string Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("Dokumen Word tanpa isi.");
        var text = new StringBuilder();
        foreach (var element in body.ChildElements)
        {
            if (element is Paragraph p) text.Append(p.InnerText).Append('\n');
            else if (element is Table table)
                foreach (var row in table.Elements<TableRow>())
                    text.Append(string.Join('\t', row.Elements<TableCell>().Select(c => string.Join(' ', c.Elements<Paragraph>().Select(x => x.InnerText)).Replace('\t', ' ')))).Append('\n');
        }
        return text.ToString();
    }
}
