using System.CommandLine;
using System.Text.Json;
using IkiBot.Bot.Configuration;
using IkiBot.Data;

namespace IkiBot.Bot.Cli;

/// <summary>
/// `outbox list [--failed] [--json]`, `outbox retry ID`, `db backup --out FILE`. They open only the database (no
/// document, no index), so they are quick and safe next to a running bot.
/// </summary>
public static class MaintenanceCommands
{
    public static void Add(RootCommand root, Func<ParseResult, BotSettings> settings)
    {
        root.Subcommands.Add(Outbox(settings));
        root.Subcommands.Add(Db(settings));
    }

    private static Command Outbox(Func<ParseResult, BotSettings> settings)
    {
        var failed = new Option<bool>("--failed") { Description = "Pesan yang ditolak platform (tidak dicoba lagi)" };
        var json = new Option<bool>("--json") { Description = "Keluaran JSON" };
        var list = new Command("list", "Pesan keluar yang menunggu, atau yang gagal dengan --failed") { failed, json };
        list.SetAction(r => DatabaseVerb.Run(settings(r), database => ListAsync(Store(database), r.GetValue(failed), r.GetValue(json), Console.Out)));

        var id = new Argument<long>("id") { Description = "Nomor pesan (dari outbox list --failed)" };
        var retry = new Command("retry", "Kirim ulang satu pesan yang gagal") { id };
        retry.SetAction(r => DatabaseVerb.Run(settings(r), database => RetryAsync(Store(database), r.GetValue(id), Console.Out)));
        return new Command("outbox", "Antrean pesan keluar") { list, retry };
    }

    private static Command Db(Func<ParseResult, BotSettings> settings)
    {
        var output = new Option<string>("--out") { Description = "Berkas cadangan baru", Required = true };
        var backup = new Command("backup", "Cadangan basis data saat bot berjalan (SQLite online backup)") { output };
        backup.SetAction(r => Backup(settings(r), r.GetValue(output)!, Console.Out, Console.Error));
        return new Command("db", "Basis data") { backup };
    }

    private static ChannelDeliveryStore Store(IkiDbContextFactory database) => new(database, TimeProvider.System);

    public static async Task<int> ListAsync(ChannelDeliveryStore store, bool failed, bool json, TextWriter output)
    {
        var rows = (await store.ListAsync(failed)).Select(m => new
        {
            id = m.Id, channel = m.Channel, chat = m.ChatId, dibuat = m.CreatedAt, percobaan = m.Attempts,
            gagalPada = m.FailedAt, galat = m.LastError, teks = Preview(m.Payload), berkas = m.File is not null,
        }).ToList();
        if (json) output.WriteLine(Json.Write(rows));
        else if (rows.Count == 0) output.WriteLine(failed ? "Tidak ada pesan yang gagal." : "Tidak ada pesan yang menunggu.");
        else foreach (var r in rows) output.WriteLine($"{r.id}\t{r.channel}:{r.chat}\t{r.percobaan}x\t{r.galat}\t{r.teks}");
        return 0;
    }

    public static async Task<int> RetryAsync(ChannelDeliveryStore store, long id, TextWriter output)
    {
        if (await store.RetryAsync(id) is not { } again)
        {
            output.WriteLine($"Tidak ada pesan gagal bernomor {id} (lihat: outbox list --failed).");
            return 1;
        }
        output.WriteLine($"Pesan {id} diantrekan lagi sebagai {again}; bot yang berjalan mengirimnya dalam beberapa detik.");
        return 0;
    }

    public static int Backup(BotSettings settings, string outPath, TextWriter output, TextWriter error)
    {
        var factory = settings.OpenDatabase();
        try
        {
            var written = DatabaseBackup.Run(factory, outPath);
            output.WriteLine($"Cadangan {factory.Path} ditulis ke {written} ({new FileInfo(written).Length:N0} byte).".Replace(',', '.'));
            return 0;
        }
        catch (IOException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            factory.ReleaseConnections();
        }
    }

    private static string Preview(string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            foreach (var name in new[] { "text", "Text", "caption", "Caption" })
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String)
                    return Short(t.GetString()!);
        }
        catch (JsonException) { }
        return Short(payload);
    }

    private static string Short(string s)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length > 60 ? s[..60] + "…" : s;
    }
}
