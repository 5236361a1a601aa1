using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using IkiBot.Bot.Conversation;
using SkiaSharp;

namespace IkiBot.Bot.Cli;

/// <summary>
/// `teams manifest --app-id GUID [--out ikibot-teams.zip] [--developer NAMA] [--website URL] [--domain HOST]`: the Teams
/// app package an admin uploads (manifest.json v1.17, a 192x192 colour icon and a 32x32 white-on-transparent outline).
/// </summary>
public static class TeamsManifestCommand
{
    public const string ManifestVersion = "1.17";

    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Required = true, Description = "Microsoft App ID dari registrasi Azure Bot (GUID)" };
        var output = new Option<string>("--out") { Description = "Berkas zip", DefaultValueFactory = _ => "ikibot-teams.zip" };
        var developer = new Option<string>("--developer") { DefaultValueFactory = _ => "Dinas Tenaga Kerja" };
        var website = new Option<string>("--website") { Description = "Alamat https situs kantor (wajib di manifest)", DefaultValueFactory = _ => "https://www.example.go.id" };
        var domain = new Option<string?>("--domain") { Description = "Domain bot (untuk tautan unduhan /ekspor)" };
        var manifest = new Command("manifest", "Paket aplikasi Teams (manifest.json + ikon) untuk diunggah admin") { appId, output, developer, website, domain };
        manifest.SetAction(r => Execute(r.GetValue(appId)!, r.GetValue(output)!, r.GetValue(developer)!, r.GetValue(website)!, r.GetValue(domain), Console.Out));
        return new Command("teams", "Microsoft Teams") { manifest };
    }

    public static int Execute(string appId, string output, string developer, string website, string? domain, TextWriter console)
    {
        if (!Guid.TryParse(appId, out var id))
            throw new UsageException($"--app-id \"{appId}\" bukan GUID. Salin Microsoft App ID dari registrasi Azure Bot.");
        if (!Uri.TryCreate(website, UriKind.Absolute, out var site) || site.Scheme != "https")
            throw new UsageException($"--website \"{website}\" harus alamat https lengkap.");
        var json = Manifest(id.ToString(), developer, site.ToString(), domain).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full)) File.Delete(full);
        using (var zip = ZipFile.Open(full, ZipArchiveMode.Create))
        {
            Add(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(json));
            Add(zip, "color.png", Icon(192, outline: false));
            Add(zip, "outline.png", Icon(32, outline: true));
        }
        console.WriteLine($"Paket Teams ditulis: {full} (manifest.json, color.png, outline.png). Unggah lewat Teams admin center > Manage apps > Upload.");
        return 0;
    }

    public static JsonObject Manifest(string appId, string developer, string website, string? domain)
    {
        var commands = new JsonArray();
        foreach (var line in ConversationEngine.Help(reporting: true).Split('\n').Where(l => l.StartsWith('/')).Take(10))
        {
            var parts = line.Split(" — ", 2);
            var title = parts[0].Split(' ')[0].TrimStart('/');
            commands.Add(new JsonObject { ["title"] = title, ["description"] = Cut(parts.Length > 1 ? parts[1] : title, 128) });
        }
        var manifest = new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/en-us/json-schemas/teams/v{ManifestVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = ManifestVersion,
            ["version"] = "1.0.0",
            ["id"] = appId,
            ["developer"] = new JsonObject
            {
                ["name"] = developer, ["websiteUrl"] = website, ["privacyUrl"] = website, ["termsOfUseUrl"] = website,
            },
            ["name"] = new JsonObject { ["short"] = "IkiBot", ["full"] = "IkiBot: Indikator Kinerja Individu" },
            ["description"] = new JsonObject
            {
                ["short"] = "Tugas, fungsi dan indikator kinerja jabatan; lapor realisasi.",
                ["full"] = "IkiBot menjawab pertanyaan tentang tugas, fungsi dan indikator kinerja individu (IKI) setiap jabatan, " +
                           "mencatat laporan realisasi dalam satu pesan, mengirim pengingat mingguan dan ringkasan untuk atasan.",
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = "#1F6FB2",
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = appId,
                ["scopes"] = new JsonArray("personal", "groupChat"),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(new JsonObject { ["scopes"] = new JsonArray("personal"), ["commands"] = commands }),
            }),
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = domain is null ? new JsonArray() : new JsonArray(domain),
        };
        return manifest;
    }

    /// <summary>A bar-chart mark: white bars on the accent colour (colour icon) or white on transparent (outline).</summary>
    public static byte[] Icon(int size, bool outline)
    {
        using var bitmap = new SKBitmap(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(outline ? SKColors.Transparent : new SKColor(0x1F, 0x6F, 0xB2));
        using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        var unit = size / 8f;
        float[] heights = [2.5f, 4f, 5.5f];
        for (var i = 0; i < heights.Length; i++)
            canvas.DrawRect(unit * (1.25f + i * 2f), unit * (7f - heights[i]), unit * 1.5f, unit * heights[i], paint);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var s = entry.Open();
        s.Write(content);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
