using System.Text;
using System.Text.RegularExpressions;
using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Parsing;

/// <summary>
/// Reads the text export of an IKI document into a <see cref="KnowledgeBase"/>.
/// Never throws on bad input: whatever it cannot place goes into the import report.
/// </summary>
public sealed partial class IkiDocumentParser
{
    [GeneratedRegex(@"^\s*INDIKATOR\s+KINERJA\s+INDIVIDU\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*1\s*\.\s*Jabatan\b\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex JabatanLabel();

    [GeneratedRegex(@"^\s*2\s*\.\s*Tugas\b\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TugasLabel();

    [GeneratedRegex(@"^\s*3\s*\.\s*Fungsi\b\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FungsiLabel();

    [GeneratedRegex(@"^\s*NO\s+PROGRAM\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"^[\s\-:]*")]
    private static partial Regex ItemPrefix();

    [GeneratedRegex(@"^(?<letter>[a-z])\.\s+(?<text>.*)$")]
    private static partial Regex LetterMarker();

    public KnowledgeBase ParseFile(string path) => Parse(File.ReadAllBytes(path));

    public KnowledgeBase Parse(byte[] bytes)
    {
        if (LooksBinary(bytes))
            return new KnowledgeBase([], [new ImportIssue(0, "", "Berkas bukan teks (berisi data biner); tidak ada yang dibaca.")]);
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        return Parse(decoder.GetString(bytes).TrimStart('\uFEFF'));
    }

    public KnowledgeBase Parse(string text)
    {
        // A BOM kept by the caller's decoding (Encoding.UTF8.GetString) is not whitespace to .NET: drop it.
        text = (text ?? "").TrimStart('\uFEFF');
        if (LooksBinary(text))
            return new KnowledgeBase([], [new ImportIssue(0, "", "Berkas bukan teks (berisi data biner); tidak ada yang dibaca.")]);
        var state = new ParseState();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
            ReadLine(state, i + 1, lines[i]);
        state.CloseBlock();
        return state.Finish();
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (sample.IndexOf((byte)0) >= 0) return true;
        var control = 0;
        foreach (var b in sample)
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C) control++;
        return sample.Length > 0 && control * 20 > sample.Length;
    }

    /// <summary>The same test on text already decoded (a binary file read with File.ReadAllText or GetString).</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        if (sample.IndexOf('\0') >= 0) return true;
        var control = 0;
        foreach (var c in sample)
            if (c < 0x20 && c is not '\t' and not '\n' and not '\r' and not '\f') control++;
        return sample.Length > 0 && control * 20 > sample.Length;
    }

    private static void ReadLine(ParseState s, int lineNo, string raw)
    {
        var line = raw.Replace('\u00A0', ' ').TrimEnd();
        if (line.Trim().Length == 0) return;

        if (Heading().IsMatch(line))
        {
            s.CloseBlock();
            return;
        }

        var m = JabatanLabel().Match(line);
        if (m.Success)
        {
            // The label printed again (page break) over a block that holds nothing but that name: same block.
            if (s.Block is { Nama: { } nama, Tugas.Count: 0, Fungsi.Count: 0, Rows.Count: 0 }
                && nama == TextNormalizer.Collapse(ItemPrefix().Replace(m.Groups["rest"].Value, "")))
                return;
            if (s.Block is { IsEmpty: false }) s.CloseBlock();
            s.OpenBlock(lineNo).Section = Section.Jabatan;
            ReadText(s, lineNo, m.Groups["rest"].Value);
            return;
        }

        m = TugasLabel().Match(line);
        if (m.Success)
        {
            // A block already holding tugas or rows means its "1. Jabatan" line was lost: start anew.
            if (s.Block is null || s.Block.Tugas.Count > 0 || s.Block.Rows.Count > 0) { s.CloseBlock(); s.OpenBlock(lineNo); }
            s.Block!.Section = Section.Tugas;
            ReadText(s, lineNo, m.Groups["rest"].Value);
            return;
        }

        m = FungsiLabel().Match(line);
        if (m.Success)
        {
            if (s.Block is null || s.Block.Rows.Count > 0) { s.CloseBlock(); s.OpenBlock(lineNo); }
            s.Block!.Section = Section.Fungsi;
            ReadText(s, lineNo, m.Groups["rest"].Value);
            return;
        }

        if (TableHeader().IsMatch(line))
        {
            s.Block ??= s.OpenBlock(lineNo);
            s.Block.Section = Section.Table;
            s.Fragment = null;
            return;
        }

        if (line.Contains('\t'))
        {
            ReadRow(s, lineNo, line);
            return;
        }

        ReadText(s, lineNo, line);
    }

    private static void ReadText(ParseState s, int lineNo, string text)
    {
        var content = ItemPrefix().Replace(text, "").Trim();
        if (content.Length == 0) return;
        var block = s.Block;
        if (block is null)
        {
            s.Report(lineNo, text, "Baris di luar blok jabatan.");
            return;
        }

        if (block.Nama is null && block.Section is Section.Jabatan or Section.Tugas or Section.None
            && block.Tugas.Count == 0 && IsUpperCaseName(content))
        {
            block.Nama = TextNormalizer.Collapse(content);
            return;
        }

        var list = block.CurrentList;
        if (list is null)
        {
            var reason = block.Section == Section.Table
                ? "Baris dalam tabel indikator tanpa kolom (tab); tidak dapat ditempatkan."
                : "Baris di luar bagian Tugas/Fungsi/tabel.";
            s.Report(lineNo, text, reason);
            return;
        }

        var marker = LetterMarker().Match(content);
        if (marker.Success)
            list.Add(new ListItemDraft(TextNormalizer.Collapse(marker.Groups["text"].Value), lettered: true));
        else if (list.Count > 0 && list[^1].Lettered)
            list[^1].Text = TextNormalizer.Collapse(list[^1].Text + " " + content);
        else
            list.Add(new ListItemDraft(TextNormalizer.Collapse(content), lettered: false));
    }

    private static bool IsUpperCaseName(string text) =>
        text.Count(char.IsLetter) >= 3 && !text.Any(char.IsLower);

    private static void ReadRow(ParseState s, int lineNo, string line)
    {
        var cells = line.Split('\t').Select(c => TextNormalizer.Collapse(c)).ToArray();
        string Cell(int i) => i < cells.Length ? cells[i] : "";
        if (cells.All(c => c.Length == 0)) return;

        if (int.TryParse(Cell(0), out var no) && no > 0)
        {
            var row = new RowDraft(lineNo, no, Cell(1), Cell(2), Cell(3), Cell(4));
            s.AddRow(row);
            return;
        }

        if (Cell(0).Length == 0 && Cell(1).Length == 0 && Cell(2).Length > 0)
        {
            var above = s.LastRow;
            if (above is null) s.Report(lineNo, line, "Rincian tanpa baris indikator di atasnya.");
            else above.Rincian.Add(Cell(2));
            return;
        }

        s.Report(lineNo, line, "Baris tabel tanpa nomor; tidak dapat ditempatkan.");
    }
}
