using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IkiBot.Bot.Tests.Supervision;

/// <summary>Reads a written .xlsx back with the Open XML SDK: sheets in order, cells by (row, column), 1-based.</summary>
public sealed class XlsxBook
{
    public IReadOnlyList<XlsxSheet> Sheets { get; }

    private XlsxBook(IReadOnlyList<XlsxSheet> sheets) => Sheets = sheets;

    public XlsxSheet Sheet(string name) => Sheets.Single(s => s.Name == name);

    public static XlsxBook Open(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var sheets = new List<XlsxSheet>();
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var cells = new Dictionary<(int, int), XlsxCell>();
            var rowNumber = 0;
            foreach (var row in worksheet.Descendants<Row>())
            {
                rowNumber = row.RowIndex is { } index ? (int)index.Value : rowNumber + 1;
                var column = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column + 1;
                    var value = Read(cell, shared);
                    if (value is not null) cells[(rowNumber, column)] = value;
                }
            }
            sheets.Add(new XlsxSheet(sheet.Name!.Value!, cells));
        }
        return new XlsxBook(sheets);
    }

    public static XlsxBook Open(string path) => Open(File.ReadAllBytes(path));

    private static XlsxCell? Read(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return new XlsxCell(cell.InlineString?.InnerText ?? "", IsText: true);
        var raw = cell.CellValue?.Text;
        if (raw is null) return null;
        if (type == CellValues.SharedString) return new XlsxCell(shared[int.Parse(raw, CultureInfo.InvariantCulture)], IsText: true);
        if (type == CellValues.String) return new XlsxCell(raw, IsText: true);
        return new XlsxCell(raw, IsText: false);
    }

    private static int ColumnOf(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n;
    }
}

public sealed record XlsxCell(string Text, bool IsText)
{
    public double Number => IsText ? throw new InvalidOperationException($"\"{Text}\" is a text cell") : double.Parse(Text, CultureInfo.InvariantCulture);
}

public sealed class XlsxSheet(string name, Dictionary<(int Row, int Column), XlsxCell> cells)
{
    public string Name { get; } = name;

    public XlsxCell? Cell(int row, int column) => cells.GetValueOrDefault((row, column));

    /// <summary>The cell's text ("" when empty).</summary>
    public string Text(int row, int column) => Cell(row, column)?.Text ?? "";

    public double Number(int row, int column) => Cell(row, column)?.Number ?? throw new InvalidOperationException($"{Name}!R{row}C{column} is empty");

    public bool IsEmpty(int row, int column) => Cell(row, column) is null;

    public int LastRowUsed => cells.Keys.Select(k => k.Row).DefaultIfEmpty(0).Max();

    /// <summary>The row numbers whose cell in <paramref name="column"/> has exactly this text.</summary>
    public int RowWhere(int column, string text) => cells.Where(c => c.Key.Column == column && c.Value.Text == text).Select(c => c.Key.Row).Single();
}
