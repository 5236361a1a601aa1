using System.Text.RegularExpressions;

namespace IkiBot.Bot.Cli;

/// <summary>System.CommandLine's own parse errors (English only), said in Indonesian.</summary>
public static partial class CliErrors
{
    private static readonly (Regex Pattern, Func<Match, string> Say)[] Known =
    [
        (new(@"^Option '(?<o>[^']+)' is required\.$"), m => $"Opsi {m.Groups["o"].Value} wajib diisi."),
        (new(@"^Cannot parse argument '(?<v>.*)' for (?:option|command) '(?<o>[^']+)' as expected type '(?<t>[^']+)'\.$"),
            m => $"Nilai \"{m.Groups["v"].Value}\" untuk {m.Groups["o"].Value} tidak dapat dibaca: {TypeHint(m.Groups["t"].Value)}."),
        (new(@"^Unrecognized command or argument '(?<a>.*)'\.$"), m => $"Perintah atau argumen tidak dikenal: {m.Groups["a"].Value}"),
        (new(@"^Required argument missing for command: '(?<c>[^']+)'\.$"), m => $"Perintah {m.Groups["c"].Value} perlu argumen; lihat pemakaian di bawah."),
        (new(@"^Required argument missing for option: '(?<o>[^']+)'\.$"), m => $"Opsi {m.Groups["o"].Value} perlu nilai."),
        (new(@"^Required command was not provided\.$"), _ => "Sebutkan sub-perintahnya; lihat pemakaian di bawah."),
        (new(@"^Option '(?<o>[^']+)' expects a single argument but (?<n>\d+) were provided\.$"), m => $"Opsi {m.Groups["o"].Value} hanya menerima satu nilai, bukan {m.Groups["n"].Value}."),
        (new(@"^Argument '(?<v>.*)' not recognized\. Must be one of:(?<list>.*)$", RegexOptions.Singleline), m => $"Nilai \"{m.Groups["v"].Value}\" tidak dikenal; pilih salah satu:{m.Groups["list"].Value}"),
        (new(@"^Unrecognized option '(?<o>[^']+)'\.?$"), m => $"Opsi tidak dikenal: {m.Groups["o"].Value}"),
    ];

    public static string Indonesian(string message)
    {
        foreach (var (pattern, say) in Known)
            if (pattern.Match(message.Trim()) is { Success: true } m) return say(m);
        return $"Perintah tidak dapat dibaca: {message}";
    }

    private static string TypeHint(string type) =>
        type.Contains("Int32") || type.Contains("Int64") ? "harus bilangan bulat"
        : type.Contains("Boolean") ? "harus true atau false"
        : type.Contains("DateTime") ? "harus tanggal"
        : "bentuknya tidak sesuai";
}
