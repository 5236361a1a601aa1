using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace IkiBot.Bot.Cli;

/// <summary>
/// The rows of a target file: a .csv (comma, semicolon or tab separated) or an .xlsx (every sheet; read straight from
/// its XML parts, so the import needs no spreadsheet library). Each row comes with where it was ("baris 3", "lembar X baris 3").
/// </summary>
public static class TargetFile
{
    public sealed record Row(string Where, IReadOnlyList<string> Cells);

    /// <summary>The sheets (one for a csv), each a list of rows; the first row of a sheet is its header.</summary>
    public static IReadOnlyList<(string Sheet, IReadOnlyList<Row> Rows)> Read(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" or ".txt" or ".tsv" => [("", ReadCsv(File.ReadAllText(path, Encoding.UTF8)))],
            ".xlsx" => ReadXlsx(path),
            _ => throw new UsageException($"Berkas target harus .xlsx atau .csv, bukan \"{Path.GetFileName(path)}\"."),
        };
    }

    public static IReadOnlyList<Row> ReadCsv(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var first = lines.FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        var separator = first.Contains('\t') ? '\t' : first.Count(c => c == ';') >= first.Count(c => c == ',') && first.Contains(';') ? ';' : ',';
        var rows = new List<Row>();
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].Trim().Length > 0) rows.Add(new Row($"baris {i + 1}", SplitCsv(lines[i], separator)));
        return rows;
    }

    private static List<string> SplitCsv(string line, char separator)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { cells.Add(cell.ToString().Trim()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString().Trim());
        return cells;
    }

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static IReadOnlyList<(string, IReadOnlyList<Row>)> ReadXlsx(string path)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException) { throw new UsageException($"Berkas \"{Path.GetFileName(path)}\" bukan .xlsx yang dapat dibaca."); }
        using (zip)
        {
            var shared = Load(zip, "xl/sharedStrings.xml")?.Root?.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList() ?? [];
            var workbook = Load(zip, "xl/workbook.xml") ?? throw new UsageException($"Berkas \"{Path.GetFileName(path)}\" bukan .xlsx yang dapat dibaca.");
            var rels = Load(zip, "xl/_rels/workbook.xml.rels")?.Root?.Elements(PackageRel + "Relationship")
                .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!) ?? [];
            var sheets = new List<(string, IReadOnlyList<Row>)>();
            foreach (var sheet in workbook.Root!.Descendants(Main + "sheet"))
            {
                var name = (string?)sheet.Attribute("name") ?? "";
                if (!rels.TryGetValue((string?)sheet.Attribute(Rel + "id") ?? "", out var target)) continue;
                var part = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                if (Load(zip, part) is not { } xml) continue;
                var rows = new List<Row>();
                foreach (var row in xml.Descendants(Main + "row"))
                {
                    var cells = new List<string>();
                    foreach (var c in row.Elements(Main + "c"))
                    {
                        var column = ColumnIndex((string?)c.Attribute("r"));
                        while (column is { } col && cells.Count < col) cells.Add("");
                        var type = (string?)c.Attribute("t");
                        var value = type switch
                        {
                            "s" => int.TryParse(c.Element(Main + "v")?.Value, out var k) && k >= 0 && k < shared.Count ? shared[k] : "",
                            "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                            _ => c.Element(Main + "v")?.Value ?? "",
                        };
                        cells.Add(value.Trim());
                    }
                    if (cells.Any(v => v.Length > 0)) rows.Add(new Row($"lembar \"{name}\" baris {(string?)row.Attribute("r")}", cells));
                }
                sheets.Add((name, rows));
            }
            return sheets;
        }
    }

    private static XDocument? Load(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        if (entry is null) return null;
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>"C7" → 2 (zero-based column).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n == 0 ? null : n - 1;
    }
}
