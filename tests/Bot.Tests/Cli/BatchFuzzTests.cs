using System.Diagnostics;
using System.Text;
using System.Text.Json;
using IkiBot.Bot.Cli;
using IkiBot.Bot.Tests.Reporting;
using Xunit.Abstractions;

namespace IkiBot.Bot.Tests.Cli;

/// <summary>
/// Issue 8 item 4: seeded fuzz of the stdin batches (ask --json, report --json), in process. Whatever a line holds,
/// exactly one JSON object comes out for it, in order, and the batch never stops early.
/// </summary>
public sealed class BatchFuzzTests(ITestOutputHelper output)
{
    private const int Lines = 10_000;

    private static readonly string[] WrongShapes =
    [
        "1e309", "[1]", "null", "123", "-0", "1e-400", "true", "\"teks\"", "[]", "{}", "\"\\ud800\"", "\"\\udc00x\"",
        "{\"as\":1}", "{\"text\":{\"a\":1}}", "{\"as\":\"BENDAHARA\"}", "{\"as\":null,\"text\":null}", "{\"as\":[],\"text\":\"SPP 1\"}",
        "{\"as\":\"BENDAHARA\",\"text\":\"\\ud800\"}", "{\"as\":\"\\udc00BENDAHARA\",\"text\":\"SPP diajukan 1\"}",
        "{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan 1\",\"id\":1.5}", "{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan 1\",\"id\":[1]}",
        "{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan 1\",\"id\":\"\"}", "{\"id\":\"x\"}", "{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan 1\",\"as\":2}",
        new string('[', 70) + new string(']', 70), "{\"a\":" + new string('[', 200), "\uFEFF{\"as\":\"BENDAHARA\",\"text\":\"SPP 2\"}",
        "{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan 99999999999999999999\"}", "{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan -5\"}",
    ];

    private static readonly string[] Questions =
        ["apa tugas Seksi PHI?", "indikator kasubag keuangan", "siapa yg ngurus IMTA?", "daftar jabatan", "fungsi kabid pelatihan", "?", "/tugas", "1"];

    private static string Whitespace(Random r) =>
        string.Concat(Enumerable.Range(0, r.Next(1, 6)).Select(_ => " \t\v\f\u00a0\u2003\r"[r.Next(7)]));

    private static string Garbage(Random r, int length)
    {
        var s = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = (char)(r.Next(4) switch { 0 => r.Next(0x20, 0x7F), 1 => r.Next(0, 0x20), 2 => r.Next(0xD800, 0xE000), _ => r.Next(0x80, 0xFFFF) });
            s.Append(c == '\n' ? '\r' : c);
        }
        return s.ToString();
    }

    private static string ReportLine(Random r)
    {
        var n = r.Next(1, 30);
        switch (r.Next(11))
        {
            case 0: return $"{{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan {n}\",\"id\":\"k{r.Next(300)}\"}}";
            case 1: return $"{{\"as\":\"BENDAHARA\",\"text\":\"SP2D diterbitkan {n}\",\"id\":{r.Next(300)}}}";
            case 2: return WrongShapes[r.Next(WrongShapes.Length)];
            case 3: return Whitespace(r);
            case 4: return Garbage(r, r.Next(1, 80));
            case 5:
                var valid = $"{{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan {n}\"}}";
                return valid[..r.Next(1, valid.Length)];
            case 6: return $"{{\"as\":\"BENDAHARA\",\r\"text\":\"SPP diajukan {n}\",\r\"id\":\"cr{r.Next(50)}\"}}"; // a bare \r between tokens
            case 7: return JsonSerializer.Serialize(new { @as = "BENDAHARA", text = "SPP diajukan " + new string('x', r.Next(1990, 4000)) });
            case 8: return JsonSerializer.Serialize(new { @as = Garbage(r, 10), text = Garbage(r, 30) });
            case 9: return JsonSerializer.Serialize(new { @as = "BENDAHARA", text = Garbage(r, 40) });
            default: return $"{{\"as\":\"BENDAHARA\",\"text\":\"lapor SPP sudah {n}\"}}";
        }
    }

    private static string AskLine(Random r) => r.Next(10) switch
    {
        0 or 1 or 2 => Questions[r.Next(Questions.Length)],
        3 => Whitespace(r),
        4 => Garbage(r, r.Next(1, 120)),
        5 => Questions[r.Next(Questions.Length)] + "\r" + Questions[r.Next(Questions.Length)],
        6 => r.Next(20) == 0 ? Garbage(r, r.Next(2001, 6000)) : "tugas " + Garbage(r, r.Next(1, 40)),
        7 => "",
        8 => "\"\\ud800\" " + (char)r.Next(0xD800, 0xDC00),
        _ => string.Join(" ", Enumerable.Range(0, r.Next(1, 30)).Select(_ => Questions[r.Next(Questions.Length)])),
    };

    private static string Join(Random r, IReadOnlyList<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(line).Append(r.Next(3) == 0 ? "\r\n" : "\n");
        return text.ToString();
    }

    [Theory]
    [InlineData(8)]
    public async Task Report_json_fuzz_one_result_line_per_input_line(int seed)
    {
        using var bot = new TestBot();
        var random = new Random(seed);
        var lines = Enumerable.Range(0, Lines).Select(_ => ReportLine(random)).ToList();
        var writer = new StringWriter();
        var watch = Stopwatch.StartNew();

        var code = await ReportCommand.ExecuteAsync(bot.Services, null, null, dryRun: false, json: true, new StringReader(Join(random, lines)), writer);

        var outputs = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        Assert.Equal(lines.Count, outputs.Length);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < outputs.Length; i++)
        {
            var o = JsonDocument.Parse(outputs[i]).RootElement;
            var status = o.GetProperty("status").GetString()!;
            Assert.True(status is "ok" or "clarify" or "reject", $"line {i}: {outputs[i]}");
            Assert.False(string.IsNullOrWhiteSpace(o.GetProperty("message").GetString()), $"line {i}");
            if (lines[i].Trim().Length == 0 || WrongShapes.Take(12).Contains(lines[i])) Assert.Equal("reject", status);
            counts[status] = counts.GetValueOrDefault(status) + 1;
        }
        output.WriteLine($"seed {seed}: {lines.Count} lines in, {outputs.Length} JSON lines out ({string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}) in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Theory]
    [InlineData(8)]
    public void Ask_json_fuzz_one_answer_line_per_input_line(int seed)
    {
        using var bot = new TestBot();
        var random = new Random(seed);
        var lines = Enumerable.Range(0, Lines).Select(_ => AskLine(random)).ToList();
        var writer = new StringWriter();
        var watch = Stopwatch.StartNew();

        var code = AskCommand.Execute(bot.Services.Knowledge, null, json: true, new StringReader(Join(random, lines)), writer);

        var outputs = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        Assert.Equal(lines.Count, outputs.Length);
        var notes = 0;
        for (var i = 0; i < outputs.Length; i++)
        {
            var o = JsonDocument.Parse(outputs[i]).RootElement;
            Assert.NotEqual("galat", o.GetProperty("intent").GetString());
            Assert.False(string.IsNullOrWhiteSpace(o.GetProperty("answer").GetString()), $"line {i}");
            var cut = o.TryGetProperty("note", out var note);
            Assert.Equal(lines[i].Length > AskCommand.MaxLength, cut);
            if (cut) { notes++; Assert.Contains("2.000", note.GetString()); }
        }
        output.WriteLine($"seed {seed}: {lines.Count} lines in, {outputs.Length} JSON lines out, {notes} cut to 2,000 characters, in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Theory]
    [InlineData("1e309")]
    [InlineData("[1]")]
    [InlineData("null")]
    [InlineData("123")]
    [InlineData("{\"as\":1}")]
    [InlineData("{\"text\":{\"a\":1}}")]
    [InlineData("\"\\ud800\"")]
    [InlineData("{\"as\":\"BENDAHARA\",\"text\":\"\\ud800\"}")]
    [InlineData("   ")]
    [InlineData("\t")]
    public async Task Each_line_the_issue_found_gets_its_own_reject_and_the_batch_goes_on(string bad)
    {
        using var bot = new TestBot();
        var writer = new StringWriter();

        await ReportCommand.ExecuteAsync(bot.Services, null, null, false, true,
            new StringReader(bad + "\n{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan 4\"}\n"), writer);

        var outputs = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, outputs.Length);
        Assert.Equal("reject", JsonDocument.Parse(outputs[0]).RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", JsonDocument.Parse(outputs[1]).RootElement.GetProperty("status").GetString());
        Assert.Equal(1, await bot.StoredCount());
    }

    [Fact]
    public async Task A_batch_with_ids_run_twice_stores_once()
    {
        using var bot = new TestBot();
        var batch = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"{{\"as\":\"BENDAHARA\",\"text\":\"SPP diajukan {i}\",\"id\":\"b{i}\"}}"));

        await ReportCommand.ExecuteAsync(bot.Services, null, null, false, true, new StringReader(batch), new StringWriter());
        var again = new StringWriter();
        await ReportCommand.ExecuteAsync(bot.Services, null, null, false, true, new StringReader(batch), again);

        Assert.Equal(20, await bot.StoredCount());
        Assert.All(again.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.Contains("sudah tercatat sebelumnya", JsonDocument.Parse(line).RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public void A_bare_carriage_return_does_not_split_a_line_but_crlf_ends_one()
    {
        Assert.Equal(["a\rb", "c", "", "d"], InputLines.Read(new StringReader("a\rb\nc\r\n\nd")).ToList());
        var writer = new StringWriter();
        using var bot = new TestBot();
        AskCommand.Execute(bot.Services.Knowledge, null, true, new StringReader("tugas kasi phi\rfungsi kasi phi\nindikator kasi phi\r\n"), writer);
        Assert.Equal(2, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_long_question_is_cut_to_2000_characters_with_a_note()
    {
        using var bot = new TestBot();
        var question = "apa tugas seksi PHI " + new string('a', 10_000_000);

        var result = AskCommand.Run(bot.Services.Knowledge, question);

        Assert.Contains("2.000", result.Note);
        Assert.Contains("10.000.020", result.Note);
        Assert.Equal(AskCommand.Run(bot.Services.Knowledge, question[..2000]).Answer, result.Answer);
        Assert.Null(AskCommand.Run(bot.Services.Knowledge, "apa tugas seksi PHI").Note);
    }
}
