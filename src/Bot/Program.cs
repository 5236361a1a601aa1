using System.CommandLine;
using IkiBot.Bot.Channels.Console;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Cli;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;

namespace IkiBot.Bot;

public static class Program
{
    public static int Main(string[] args)
    {
        IkiBot.Bot.Hosting.NativeHeap.LimitArenas();
        StandardOutput.UseLargeBuffer();
        var configuration = BotSettings.LoadConfiguration();

        var kb = new Option<string?>("--kb") { Description = "Dokumen IKI lain (teks), pengganti dokumen bawaan", Recursive = true };
        var db = new Option<string?>("--db") { Description = "Berkas SQLite (bawaan: ikibot.db)", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Keluaran JSON" };
        var outDir = new Option<string?>("--out-dir") { Description = "Folder untuk berkas dari /ekspor dan /grafik di obrolan terminal (bawaan: folder kerja)", Recursive = true };
        BotSettings Settings(ParseResult r) => BotSettings.From(configuration, r.GetValue(kb), r.GetValue(db));

        var root = new RootCommand("IkiBot: tugas, fungsi dan indikator kinerja jabatan Dinas Tenaga Kerja") { kb, db, outDir };
        root.SetAction(r => RunHost(Settings(r), r.GetValue(outDir)));

        var chat = new Command("chat", "Obrolan di terminal");
        chat.SetAction(r => RunChat(Settings(r), r.GetValue(outDir)));

        var question = new Argument<string?>("pertanyaan") { Arity = ArgumentArity.ZeroOrOne };
        var ask = new Command("ask", "Jawab satu pertanyaan (atau satu per baris stdin dengan --json)") { question, json };
        ask.SetAction(r =>
        {
            using var knowledge = KnowledgeLoader.Load(Settings(r), quiet: true);
            return AskCommand.Execute(knowledge, r.GetValue(question), r.GetValue(json), Console.In, Console.Out);
        });

        var kbJson = new Option<bool>("--json") { Description = "Keluaran JSON" };
        var kbCommand = new Command("kb", "Isi dokumen IKI seperti dibaca, dan laporan impornya") { kbJson };
        kbCommand.SetAction(r =>
        {
            using var knowledge = KnowledgeLoader.Load(Settings(r), quiet: true);
            return KbCommand.Execute(knowledge.Kb, r.GetValue(kbJson), Console.Out);
        });

        var importFile = new Argument<string>("berkas") { Description = "Ekspor teks IKI atau dokumen Word (.docx)" };
        var importDryRun = new Option<bool>("--dry-run") { Description = "Tampilkan perbedaannya saja" };
        var importYes = new Option<bool>("--yes") { Description = "Simpan tanpa bertanya" };
        var importJson = new Option<bool>("--json");
        var importSama = new Option<string[]>("--sama") { Description = "Pasangan yang belum jelas ini sama (identitas lama tetap): \"JABATAN#lama=baru\" atau \"LAMA=BARU\"" };
        var importBeda = new Option<string[]>("--beda") { Description = "Pasangan yang belum jelas ini berbeda (identitas baru)" };
        var kbImport = new Command("import", "Muat dokumen baru sebagai versi baru (dengan diff dan konfirmasi)") { importFile, importDryRun, importYes, importJson, importSama, importBeda };
        kbImport.SetAction(r =>
        {
            using var services = new BotServices(Settings(r), TimeProvider.System, quiet: true);
            return KbImportCommand.ImportAsync(services, r.GetValue(importFile)!, r.GetValue(importDryRun), r.GetValue(importYes), r.GetValue(importJson),
                Console.In, Console.Out, r.GetValue(importSama), r.GetValue(importBeda)).GetAwaiter().GetResult();
        });
        var exportOut = new Option<string>("--out") { Required = true, Description = "Berkas teks tujuan" };
        var kbExport = new Command("export", "Tulis versi sekarang sebagai ekspor teks IKI") { exportOut };
        kbExport.SetAction(r =>
        {
            using var services = new BotServices(Settings(r), TimeProvider.System, quiet: true);
            return KbImportCommand.ExportAsync(services, r.GetValue(exportOut)!, Console.Out).GetAwaiter().GetResult();
        });
        kbCommand.Subcommands.Add(kbImport);
        kbCommand.Subcommands.Add(kbExport);

        var questions = new Option<string?>("--questions") { Description = "Pertanyaan (JSON Lines, kind=ask; bawaan: dev set di dalam program)" };
        var repeat = new Option<int>("--repeat") { DefaultValueFactory = _ => 100 };
        var benchJson = new Option<bool>("--json");
        var benchRealisasi = new Option<int>("--realisasi") { Description = "Realisasi yang sudah ada di bulan laporan sebelum laporan diukur" };
        var scale = new Option<int?>("--scale") { Description = "Ukur pada dokumen sintetis N kali dokumen bawaan (tiap salinan \"WILAYAH 001\"..)" };
        var bench = new Command("bench", "Ukur waktu mulai, pembuatan indeks dan latensi") { questions, repeat, benchJson, benchRealisasi, scale };
        bench.SetAction(r => BenchCommand.Execute(r.GetValue(questions), r.GetValue(repeat), r.GetValue(benchJson), Console.Out,
            Math.Clamp(r.GetValue(benchRealisasi), 0, SeedCommand.MaxRealisasi), r.GetValue(scale)));

        var asJabatan = new Option<string?>("--as") { Description = "Jabatan pelapor (nama persis)" };
        var reportText = new Argument<string?>("teks") { Arity = ArgumentArity.ZeroOrOne };
        var dryRun = new Option<bool>("--dry-run") { Description = "Putuskan tanpa menyimpan" };
        var reportJson = new Option<bool>("--json");
        var report = new Command("report", "Catat satu laporan realisasi (atau JSON Lines {\"as\",\"text\"} di stdin dengan --json)")
            { asJabatan, reportText, dryRun, reportJson };
        report.SetAction(r =>
        {
            if (r.GetValue(reportText) is { } t && t.StartsWith("--")) throw new UsageException($"Opsi tidak dikenal: {t}");
            using var services = new BotServices(Settings(r), TimeProvider.System, quiet: true);
            return ReportCommand.ExecuteAsync(services, r.GetValue(asJabatan), r.GetValue(reportText), r.GetValue(dryRun), r.GetValue(reportJson),
                Console.In, Console.Out).GetAwaiter().GetResult();
        });

        var channel = new Option<string>("--channel") { Required = true };
        var userId = new Option<string>("--id") { Required = true };
        var userJabatan = new Option<string?>("--jabatan");
        var role = new Option<string>("--role") { DefaultValueFactory = _ => "staf" };
        var displayName = new Option<string?>("--nama");
        var usersAdd = new Command("add", "Tambah atau ubah pengguna (langsung aktif)") { channel, userId, userJabatan, role, displayName };
        usersAdd.SetAction(r =>
        {
            using var services = new BotServices(Settings(r), TimeProvider.System, quiet: true);
            return UsersCommand.AddAsync(services, r.GetValue(channel)!, r.GetValue(userId)!, r.GetValue(userJabatan), r.GetValue(role)!,
                r.GetValue(displayName), Console.Out).GetAwaiter().GetResult();
        });
        var usersJson = new Option<bool>("--json");
        var usersList = new Command("list", "Daftar pengguna") { usersJson };
        usersList.SetAction(r =>
        {
            return DatabaseVerb.Run(Settings(r), database =>
                UsersCommand.ListAsync(new IkiBot.Data.PenggunaStore(database, TimeProvider.System), r.GetValue(usersJson), Console.Out));
        });
        var users = new Command("users", "Pengguna bot") { usersAdd, usersList };

        var periode = new Option<string?>("--periode") { Description = "TTTT-BB (bawaan: bulan ini)" };
        var realisasiJson = new Option<bool>("--json");
        var realisasiList = new Command("list", "Realisasi satu periode") { periode, realisasiJson };
        realisasiList.SetAction(r =>
        {
            return DatabaseVerb.Run(Settings(r), database =>
                RealisasiCommand.ListAsync(database, TimeProvider.System, r.GetValue(periode), r.GetValue(realisasiJson), Console.Out));
        });
        var realisasi = new Command("realisasi", "Realisasi tersimpan") { realisasiList };

        root.Subcommands.Add(report);
        root.Subcommands.Add(users);
        root.Subcommands.Add(realisasi);
        root.Subcommands.Add(chat);
        root.Subcommands.Add(ask);
        root.Subcommands.Add(kbCommand);
        root.Subcommands.Add(bench);
        SupervisionCommands.Add(root, Settings);
        MaintenanceCommands.Add(root, Settings);
        TargetCommand.Add(root, Settings);
        SeedCommand.Add(root, Settings);
        root.Subcommands.Add(TeamsManifestCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine(CliErrors.Indonesian(error.Message));
            Console.Error.WriteLine(Usage);
            return 2;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (IkiBot.Data.DatabaseUnavailableException e)
        {
            Console.Error.WriteLine(e.Message); // one line naming the file and Database:Path; the file was not changed
            return 1;
        }
    }

    public const string Usage =
        "Pemakaian: ikibot [perintah] [--kb BERKAS] [--db BERKAS]\n" +
        "  (tanpa perintah) | chat [--out-dir FOLDER]        obrolan di terminal (Telegram bila Telegram:Token diisi)\n" +
        "  ask \"pertanyaan\" [--json]                       jawab satu pertanyaan (--json tanpa pertanyaan: satu per baris stdin)\n" +
        "  kb [--json]                                      isi dokumen IKI dan laporan impornya\n" +
        "  kb import BERKAS [--dry-run] [--yes] [--json]     muat dokumen baru (teks atau .docx) sebagai versi baru\n" +
            "      [--sama KUNCI]... [--beda KUNCI]...            jawab pasangan yang belum jelas (kunci dari daftarnya)\n" +
        "  kb export --out BERKAS                            tulis versi sekarang sebagai ekspor teks\n" +
        "  bench [--json] [--questions BERKAS] [--repeat N] [--realisasi N] [--scale N] ukur waktu mulai dan latensi\n" +
        "  report --as \"JABATAN\" \"teks\" [--dry-run] [--json] catat satu laporan (--json tanpa teks: JSON Lines di stdin)\n" +
        "  users add --channel telegram|teams|console --id ID [--jabatan J] [--role staf|atasan|admin] [--nama N]\n" +
        "  users list [--json]\n" +
        "  realisasi list [--periode TTTT-BB] [--json]\n" +
        "  target set --jabatan J --no N [--tahun TTTT] --nilai V [--json]\n" +
        "  target import BERKAS.xlsx|csv [--tahun TTTT] [--dry-run] [--json]\n" +
        "  remind [--now] [--dry-run] [--kind pengingat|ringkasan|semua] [--json]\n" +
        "  export (--periode TTTT-BB | --tw \"IV 2026\" | --tahun TTTT) [--jabatan J] [--out BERKAS.xlsx] [--json]\n" +
        "  chart --jabatan J [--indikator N] [--tahun TTTT] [--out BERKAS.png] [--json]\n" +
        "  outbox list [--failed] [--json] | outbox retry ID\n" +
        "  db backup --out BERKAS\n" +
        "  seed --db BERKAS [--realisasi N] [--users U] [--atasan S] [--tahun TTTT] [--json]   isi basis data uji (pengukuran beban)\n" +
        "  teams manifest --app-id GUID [--out ikibot-teams.zip]";

    private static int RunHost(BotSettings settings, string? outDir)
    {
        // With Teams configured one host runs Teams and, with a token, Telegram too; with only a Telegram token the bot
        // runs on Telegram (polling, or webhook with Telegram:WebhookUrl); else the terminal chat.
        if (settings.Teams.Enabled)
            return IkiBot.Bot.Channels.Teams.TeamsChannel.Run(settings);
        if (settings.TelegramToken is not null)
            return TelegramChannel.Run(settings);
        return RunChat(settings, outDir);
    }

    private static int RunChat(BotSettings settings, string? outDir)
    {
        using var services = new BotServices(settings, TimeProvider.System);
        services.Knowledge.Warm(); // the index is built before the first question
        return new ConsoleChat(services.Engine, Console.In, Console.Out, TimeProvider.System, outDir).RunAsync().GetAwaiter().GetResult();
    }
}
