using System.Text.Json;

namespace IkiBot.Bot.Tests.Eval;

/// <summary>The dev cases, copied into tests/eval so the repo stands alone.</summary>
public static class DevSet
{
    public static string PathOf(string file = "dev.jsonl")
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "eval", file))) dir = dir.Parent;
        return dir is null ? throw new FileNotFoundException(file) : Path.Combine(dir.FullName, "tests", "eval", file);
    }

    public static IEnumerable<JsonElement> Cases(string kind) =>
        File.ReadLines(PathOf())
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("kind").GetString() == kind);
}
