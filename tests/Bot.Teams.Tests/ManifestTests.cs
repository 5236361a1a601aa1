using System.IO.Compression;
using System.Text.Json.Nodes;
using IkiBot.Bot.Cli;

namespace IkiBot.Bot.Teams.Tests;

public class ManifestTests
{
    [Fact]
    public void The_package_has_the_manifest_with_the_bot_id_and_both_icons_in_their_sizes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ikibot-teams-{Guid.NewGuid():N}.zip");
        try
        {
            var console = new StringWriter();
            Assert.Equal(0, TeamsManifestCommand.Execute("00000000-0000-0000-0000-0000000000B0", file, "Dinas Tenaga Kerja", "https://disnaker.example.go.id", "bot.example.go.id", console));
            using var zip = ZipFile.OpenRead(file);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = JsonNode.Parse(reader.ReadToEnd())!;
            Assert.Equal("1.17", manifest["manifestVersion"]!.GetValue<string>());
            Assert.Equal("00000000-0000-0000-0000-0000000000b0", manifest["bots"]![0]!["botId"]!.GetValue<string>());
            var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 5, 10);
            Assert.Contains(commands, c => c!["title"]!.GetValue<string>() == "laporanku");
            Assert.Equal("bot.example.go.id", manifest["validDomains"]![0]!.GetValue<string>());
            Assert.Equal((192, 192), PngSize(zip, "color.png"));
            Assert.Equal((32, 32), PngSize(zip, "outline.png"));
        }
        finally { File.Delete(file); }
    }

    [Theory]
    [InlineData("bukan-guid", "https://disnaker.example.go.id")]
    [InlineData("00000000-0000-0000-0000-0000000000b0", "http://disnaker.example.go.id")]
    public void A_wrong_app_id_or_website_is_a_usage_error(string appId, string website) =>
        Assert.Throws<UsageException>(() => TeamsManifestCommand.Execute(appId, Path.GetTempFileName(), "D", website, null, new StringWriter()));

    private static (int, int) PngSize(ZipArchive zip, string name)
    {
        using var s = zip.GetEntry(name)!.Open();
        var head = new byte[24];
        s.ReadExactly(head);
        Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(head, 1, 3));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(20)));
    }
}
