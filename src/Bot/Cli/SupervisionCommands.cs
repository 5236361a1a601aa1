using System.CommandLine;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Supervision;
using IkiBot.Data;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Cli;

/// <summary>
/// `remind [--now] [--dry-run] [--kind pengingat|ringkasan|semua] [--json]`,
/// `export (--periode 2026-11 | --tw "IV 2026" | --tahun 2026) [--jabatan J] [--out FILE] [--json]`,
/// `chart --jabatan "NAMA" [--indikator N] [--tahun 2026] [--out FILE] [--json]`.
/// </summary>
public static class SupervisionCommands
{
    /// <summary>
    /// How `remind --now` sends. Without a channel adapter in this process only console users can be reached; other
    /// users are reported as "gagal" and stay due for the running bot. A channel adapter may replace this (e.g. with a
    /// sender that writes into its durable outgoing queue).
    /// </summary>
    public static Func<BotServices, TextWriter, IOutgoingSender> SenderFactory { get; set; } = (_, console) => new ConsoleOnlySender(console);

    public static void Add(RootCommand root, Func<ParseResult, BotSettings> settings)
    {
        root.Subcommands.Add(Remind(settings));
        root.Subcommands.Add(Export(settings));
        root.Subcommands.Add(Chart(settings));
    }

    private static Command Remind(Func<ParseResult, BotSettings> settings)
    {
        var now = new Option<bool>("--now") { Description = "Jalankan pengingat sekarang (slot manual hari ini; sekali sehari per pengguna)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Tunjukkan siapa akan menerima apa, tanpa mengirim" };
        var kind = new Option<string>("--kind") { Description = "pengingat | ringkasan | semua", DefaultValueFactory = _ => "semua" };
        var json = new Option<bool>("--json") { Description = "Keluaran JSON" };
        var command = new Command("remind", "Pengingat mingguan dan ringkasan atasan: jadwal berikutnya, atau kirim sekarang") { now, dryRun, kind, json };
        command.SetAction(r =>
        {
            using var services = new BotServices(settings(r), TimeProvider.System, quiet: true);
            return RemindAsync(services, r.GetValue(now), r.GetValue(dryRun), r.GetValue(kind)!, r.GetValue(json), Console.Out, Console.Error)
                .GetAwaiter().GetResult();
        });
        return command;
    }

    public static async Task<int> RemindAsync(BotServices services, bool now, bool dryRun, string kind, bool json, TextWriter output, TextWriter error)
    {
        var kinds = kind.ToLowerInvariant() switch
        {
            "semua" or "all" => new[] { ReminderKind.Pengingat, ReminderKind.Ringkasan },
            "pengingat" or "reminder" => [ReminderKind.Pengingat],
            "ringkasan" or "digest" => [ReminderKind.Ringkasan],
            _ => throw new UsageException($"--kind harus pengingat, ringkasan atau semua, bukan \"{kind}\"."),
        };
        var runner = services.CreateReminderRunner(SenderFactory(services, json ? error : output));
        var at = services.Time.GetUtcNow();
        if (!now)
        {
            var next = kinds.Select(k => new { kind = Lower(k), cron = runner.ScheduleOf(k).Expression, next = runner.ScheduleOf(k).Next(at) }).ToList();
            if (json) output.WriteLine(Json.Write(next.Select(n => new { n.kind, n.cron, slot = n.next?.Id, at = n.next?.At, moved = n.next?.Moved })));
            else
                foreach (var n in next)
                    output.WriteLine(n.next is null ? $"{n.kind}: tidak terjadwal ({n.cron})"
                        : $"{n.kind}: {JakartaTime.From(n.next.At):yyyy-MM-dd HH:mm} WIB ({n.cron}){(n.next.Moved ? ", dipindah dari hari libur" : "")}");
            return 0;
        }

        var slot = $"manual-{JakartaTime.From(at):yyyy-MM-dd}";
        var outcomes = new List<SlotOutcome>();
        foreach (var k in kinds) outcomes.Add(await runner.RunSlotAsync(k, slot, at, dryRun));
        if (json)
        {
            output.WriteLine(Json.Write(new
            {
                at, dryRun, slot,
                runs = outcomes.Select(o => new
                {
                    kind = Lower(o.Kind), periode = o.Periode.Code,
                    messages = o.Deliveries.Select(d => new
                    {
                        user = new { id = d.Message.User.Id, channel = d.Message.User.Channel, userId = d.Message.User.ChannelUserId, nama = d.Message.User.NamaTampilan, jabatan = d.Message.User.Jabatan },
                        status = d.Status, error = d.Error, items = d.Message.Items, text = string.Join("\n\n", d.Message.Parts.Select(p => p.Text)),
                    }),
                    skipped = o.Skipped.Select(s => new { id = s.User.Id, nama = s.User.NamaTampilan, jabatan = s.User.Jabatan, reason = s.Reason }),
                }),
            }));
        }
        else
        {
            foreach (var o in outcomes)
            {
                output.WriteLine($"== {Lower(o.Kind)} {o.Periode.Label}: {o.Deliveries.Count} pesan{(dryRun ? " (uji, tidak dikirim)" : "")}");
                foreach (var d in o.Deliveries)
                    output.WriteLine($"{d.Status}\t{d.Message.User.Channel}:{d.Message.User.ChannelUserId}\t{d.Message.User.NamaTampilan}\t{d.Message.User.Jabatan}\t{d.Message.Items.Count} butir{(d.Error is null ? "" : $"\t{d.Error}")}");
                foreach (var s in o.Skipped)
                    output.WriteLine($"dilewati\t{s.User.Channel}:{s.User.ChannelUserId}\t{s.User.NamaTampilan}\t{s.Reason}");
            }
        }
        return 0;
    }

    private static Command Export(Func<ParseResult, BotSettings> settings)
    {
        var periode = new Option<string?>("--periode") { Description = "TTTT-BB (bawaan: bulan ini)" };
        var tw = new Option<string?>("--tw") { Description = "Triwulan: I..IV [tahun], mis. \"IV 2026\"" };
        var tahun = new Option<int?>("--tahun") { Description = "Satu tahun penuh" };
        var jabatan = new Option<string[]>("--jabatan") { Description = "Hanya jabatan ini (boleh berulang); bawaan: semua", AllowMultipleArgumentsPerToken = false };
        var outFile = new Option<string?>("--out") { Description = "Berkas .xlsx (bawaan: rekap-iki-<periode>.xlsx)" };
        var json = new Option<bool>("--json") { Description = "Keluaran JSON" };
        var command = new Command("export", "Rekap realisasi ke Excel (lembar Ringkasan + satu lembar per jabatan)") { periode, tw, tahun, jabatan, outFile, json };
        command.SetAction(r =>
        {
            using var services = new BotServices(settings(r), TimeProvider.System, quiet: true);
            return ExportAsync(services, r.GetValue(periode), r.GetValue(tw), r.GetValue(tahun), r.GetValue(jabatan) ?? [], r.GetValue(outFile), r.GetValue(json), Console.Out)
                .GetAwaiter().GetResult();
        });
        return command;
    }

    public static async Task<int> ExportAsync(BotServices services, string? periode, string? tw, int? tahun, IReadOnlyList<string> jabatan, string? outFile, bool json, TextWriter output)
    {
        if (new[] { periode is not null, tw is not null, tahun is not null }.Count(x => x) > 1)
            throw new UsageException("Pilih salah satu: --periode, --tw atau --tahun.");
        var now = services.Time.GetUtcNow();
        PeriodeRange range;
        if (tahun is { } y)
        {
            if (y is < 2000 or > 9999) throw new UsageException($"--tahun tidak masuk akal: {y}.");
            range = PeriodeRange.Year(y);
        }
        else if (tw is not null)
        {
            if (!PeriodeRange.TryParse("tw " + tw, now, out range) || range.Kind != RangeKind.Triwulan)
                throw new UsageException($"--tw harus I, II, III atau IV (boleh dengan tahun), bukan \"{tw}\".");
        }
        else if (periode is not null)
        {
            if (!Periode.TryParseCode(periode, out var p)) throw new UsageException($"--periode harus TTTT-BB, misalnya 2026-11, bukan \"{periode}\".");
            range = PeriodeRange.Month(p);
        }
        else range = PeriodeRange.Month(Periode.Of(now));

        var names = new List<string>();
        foreach (var j in jabatan)
            names.Add(services.Knowledge.Kb.Find(j)?.Nama ?? throw new UsageException($"Jabatan \"{j}\" tidak ada dalam dokumen IKI."));
        if (names.Count == 0) names.AddRange(services.Knowledge.Kb.Jabatan.Select(j => j.Nama));

        var rekap = await services.Rekap.BuildAsync(range, names);
        var bytes = await RekapWorkbook.BuildAsync(rekap);
        var path = Path.GetFullPath(outFile ?? RekapWorkbook.FileName(range));
        OutputFolder.Require(path);
        await File.WriteAllBytesAsync(path, bytes);
        var rows = rekap.Jabatan.Sum(j => j.Rows.Count);
        if (json)
            output.WriteLine(Json.Write(new { file = path, periode = range.Code, label = range.Label, sheets = rekap.Jabatan.Count + 1, jabatan = rekap.Jabatan.Count, rows, reported = rekap.Jabatan.Sum(j => j.Dilaporkan), bytes = bytes.Length }));
        else
            output.WriteLine($"{path}: {range.Label}, {rekap.Jabatan.Count} jabatan, {rows} indikator ({rekap.Jabatan.Sum(j => j.Dilaporkan)} sudah dilaporkan).");
        return 0;
    }

    private static Command Chart(Func<ParseResult, BotSettings> settings)
    {
        var jabatan = new Option<string>("--jabatan") { Description = "Nama jabatan persis seperti di dokumen", Required = true };
        var indikator = new Option<int?>("--indikator") { Description = "Nomor baris indikator (bawaan: semua indikator)" };
        var tahun = new Option<int?>("--tahun") { Description = "Tahun (bawaan: tahun ini)" };
        var outFile = new Option<string?>("--out") { Description = "Berkas .png (bawaan: grafik.png)" };
        var json = new Option<bool>("--json") { Description = "Keluaran JSON" };
        var command = new Command("chart", "Grafik PNG realisasi bulanan terhadap target") { jabatan, indikator, tahun, outFile, json };
        command.SetAction(r =>
        {
            using var services = new BotServices(settings(r), TimeProvider.System, quiet: true);
            return ChartAsync(services, r.GetValue(jabatan)!, r.GetValue(indikator), r.GetValue(tahun), r.GetValue(outFile), r.GetValue(json), Console.Out)
                .GetAwaiter().GetResult();
        });
        return command;
    }

    public static async Task<int> ChartAsync(BotServices services, string jabatan, int? indikator, int? tahun, string? outFile, bool json, TextWriter output)
    {
        var j = services.Knowledge.Kb.Find(jabatan) ?? throw new UsageException($"Jabatan \"{jabatan}\" tidak ada dalam dokumen IKI.");
        var rows = j.Indikator.Where(r => !r.TidakTerukur).ToList();
        if (indikator is { } no)
        {
            rows = rows.Where(r => r.No == no).ToList();
            if (rows.Count == 0) throw new UsageException($"Baris {no} tidak ada atau tidak terukur pada {j.Nama}.");
        }
        if (rows.Count == 0) throw new UsageException($"Semua indikator {j.Nama} NIHIL/kosong; tidak ada yang bisa digambar.");
        var year = tahun ?? Periode.Of(services.Time.GetUtcNow()).Tahun;
        var table = await services.Rekap.BuildAsync(PeriodeRange.Year(year), [j.Nama]);
        var series = new List<ChartSeries>();
        foreach (var row in rows)
            series.Add(new ChartSeries(row.No, RekapBuilder.Clean(row.Uraian), await services.Rekap.MonthlyAsync(j, row, year),
                table.Jabatan[0].Rows.First(r => r.No == row.No).Target));
        var png = RealisasiChart.Render(j.Nama, year, series, RealisasiChart.MonthsToDraw(year, services.Time.GetUtcNow()));
        var path = Path.GetFullPath(outFile ?? "grafik.png");
        OutputFolder.Require(path);
        await File.WriteAllBytesAsync(path, png);
        if (json) output.WriteLine(Json.Write(new { file = path, jabatan = j.Nama, tahun = year, indikator = rows.Select(r => r.No), bytes = png.Length }));
        else output.WriteLine($"{path}: {j.Nama} {year}, {rows.Count} indikator, {png.Length} byte.");
        return 0;
    }

    private static string Lower(ReminderKind k) => k.ToString().ToLowerInvariant();
}
