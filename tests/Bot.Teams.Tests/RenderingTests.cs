using System.Text.Json.Nodes;
using IkiBot.Bot.Channels.Teams;
using IkiBot.Bot.Conversation;
using IkiBot.Knowledge.Answers;

namespace IkiBot.Bot.Teams.Tests;

public class RenderingTests
{
    private static readonly TeamsAddress To = new("https://smba.example/amer/", "a:1budi", "28:bot", "IkiBot", "29:1budi", "t1");

    [Fact]
    public void Titles_are_bold_and_document_text_is_escaped()
    {
        var md = TeamsRenderer.ToMarkdown("*Tugas Seksi PHI*\n- menyusun <rencana> & *laporan* [draf]_x\n4. Jumlah pencaker (orang)");
        Assert.StartsWith("**Tugas Seksi PHI**\n\n", md);
        Assert.Contains("- menyusun &lt;rencana&gt; &amp; \\*laporan\\* \\[draf\\]\\_x", md);
        // A row number stays the document's number (not renumbered as a Markdown list).
        Assert.Contains("4\\. Jumlah pencaker \\(orang\\)", md);
        Assert.DoesNotContain("<rencana>", md);
    }

    [Fact]
    public void A_long_answer_is_split_into_activities_under_the_size_limit_and_loses_no_line()
    {
        var lines = Enumerable.Range(1, 3000).Select(i => $"- baris {i}: <tugas> & \"kegiatan\" penting {new string('x', 20)}").ToList();
        var sends = TeamsRenderer.Render(new Reply(string.Join("\n", lines)), To, "act-1");
        Assert.True(sends.Count > 2);
        foreach (var s in sends) Assert.True(TeamsRenderer.Utf16Bytes(TeamsConnector.Complete(s.Send, s.Send.Activity)) < TeamsRenderer.MaxActivityUtf16Bytes);
        var all = string.Join("\n", sends.Select(s => s.Send.Activity["text"]!.GetValue<string>()));
        foreach (var i in new[] { 1, 1500, 3000 }) Assert.Contains($"baris {i}: &lt;tugas&gt;", all);
        Assert.Equal(3000, all.Split('\n').Count(l => l.StartsWith("- baris")));
        Assert.Equal("act-1", sends[0].Send.ActivityId);
        Assert.All(sends.Skip(1), s => Assert.Null(s.Send.ActivityId));
    }

    [Fact]
    public void A_single_huge_word_is_still_cut_under_the_limit()
    {
        var sends = TeamsRenderer.Render(new Reply(new string('<', 30000)), To);
        Assert.True(sends.Count >= 2);
        Assert.All(sends, s => Assert.True(TeamsRenderer.Utf16Bytes(TeamsConnector.Complete(s.Send, s.Send.Activity)) < TeamsRenderer.MaxActivityUtf16Bytes));
    }

    [Fact]
    public void Choices_become_an_adaptive_card_with_submit_buttons_carrying_the_payload()
    {
        var reply = new Reply("Maksud Anda yang mana?", [new Choice("2. Pencaker dilayani", "lapor:2:30"), new Choice("4. Pencaker ditempatkan", "lapor:4:30")]);
        var sends = TeamsRenderer.Render(reply, To, "act-9");
        Assert.Equal(2, sends.Count);
        Assert.Equal("Maksud Anda yang mana?", sends[0].Send.Activity["text"]!.GetValue<string>());
        var card = sends[1].Send.Activity["attachments"]![0]!;
        Assert.Equal(TeamsRenderer.CardContentType, card["contentType"]!.GetValue<string>());
        var actions = card["content"]!["actions"]!.AsArray();
        Assert.Equal(["Action.Submit", "Action.Submit"], actions.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal("lapor:4:30", actions[1]!["data"]![TeamsRenderer.PayloadKey]!.GetValue<string>());
        Assert.Equal("2. Pencaker dilayani", actions[0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void A_pressed_card_has_no_buttons_left()
    {
        var card = TeamsRenderer.PressedCard("2. Pencaker dilayani")["attachments"]![0]!["content"]!;
        Assert.Null(card["actions"]);
        Assert.Contains("Pencaker dilayani", card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_chart_is_an_image_and_an_export_a_download_link()
    {
        var png = TeamsRenderer.Render(new Reply("Grafik", []) { }, To);
        var chart = TeamsRenderer.Render(new Reply("", [], new ReplyFile("grafik.png", "image/png", [1, 2, 3])), To).Single();
        Assert.Equal("grafik.png", chart.Send.FileName);
        Assert.Equal([1, 2, 3], chart.File);
        var shown = TeamsRenderer.WithFileLink(chart.Send.Activity, "grafik.png", "image/png", "http://bot/files/t", TimeSpan.FromMinutes(15));
        Assert.Equal("http://bot/files/t", shown["attachments"]![0]!["contentUrl"]!.GetValue<string>());
        var xlsx = TeamsRenderer.WithFileLink(new JsonObject(), "rekap_2026.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "http://bot/files/u", TimeSpan.FromMinutes(15));
        Assert.Contains("(http://bot/files/u)", xlsx["text"]!.GetValue<string>());
        Assert.Contains("rekap\\_2026.xlsx", xlsx["text"]!.GetValue<string>());
        Assert.Single(png);
    }

    [Fact]
    public void Connector_paths_trim_the_service_url_and_encode_ids()
    {
        Assert.Equal("https://smba.example/amer/", TeamsConnector.BaseUrl("https://smba.example/amer//"));
        var body = TeamsConnector.Complete(To.Post(new JsonObject { ["type"] = "message" }, "1:2"), new JsonObject { ["type"] = "message" });
        Assert.Equal("28:bot", body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("29:1budi", body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("1:2", body["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public void Mentions_and_html_are_taken_out_of_the_typed_text()
    {
        Assert.Equal("tugas kasi PHI", TeamsActivityHandler.CleanText("<at>IkiBot</at> tugas kasi PHI"));
        Assert.Equal("a & b", TeamsActivityHandler.CleanText("<p>a &amp; b</p>"));
    }
}
