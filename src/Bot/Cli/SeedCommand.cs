using System.CommandLine;
using System.Diagnostics;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Data;
using IkiBot.Data.Seeding;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Cli;

/// <summary>
/// `seed --realisasi N --users U --atasan S [--tahun Y] --db FILE`: the load tool. Fills a throw-away database with U
/// active users spread over the jabatan (S of them atasan on jabatan that have people under them) and N realizations
/// spread over the year's months, so the verbs can be timed at scale. Same seed, same data.
/// </summary>
public static class SeedCommand
{
    public const int MaxRealisasi = 10_000_000;
    public const int MaxUsers = 1_000_000;

    public static void Add(RootCommand root, Func<ParseResult, BotSettings> settings)
    {
        var realisasi = new Option<int>("--realisasi") { DefaultValueFactory = _ => 100_000, Description = "Jumlah realisasi" };
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 1_000, Description = "Jumlah pengguna" };
        var atasan = new Option<int?>("--atasan") { Description = "Berapa pengguna yang atasan (bawaan: 25, paling banyak jumlah pengguna)" };
        var tahun = new Option<int?>("--tahun") { Description = "Tahun realisasi (bawaan: tahun ini)" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42, Description = "Benih acak (data sama untuk benih sama)" };
        var json = new Option<bool>("--json");
        var command = new Command("seed", "Isi basis data uji untuk pengukuran beban (menolak basis data berisi data sungguhan)")
            { realisasi, users, atasan, tahun, seed, json };
        command.SetAction(r =>
        {
            var s = settings(r);
            if (s.DatabasePath == "ikibot.db")
                throw new UsageException("seed butuh --db BERKAS (basis data uji tersendiri).");
            using var services = new BotServices(s, TimeProvider.System, quiet: true);
            return Execute(services, new SeedOptions(r.GetValue(realisasi), r.GetValue(users), r.GetValue(atasan) ?? Math.Min(25, r.GetValue(users)),
                r.GetValue(tahun) ?? JakartaTime.From(services.Time.GetUtcNow()).Year, r.GetValue(seed)), r.GetValue(json), Console.Out);
        });
        root.Subcommands.Add(command);
    }

    /// <param name="Bulan">Every realization in this month (1..12) instead of spread over the year's months.</param>
    public sealed record SeedOptions(int Realisasi, int Users, int Atasan, int Tahun, int Seed, int? Bulan = null);

    public static int Execute(BotServices services, SeedOptions o, bool json, TextWriter output)
    {
        if (o.Realisasi is < 0 or > MaxRealisasi) throw new UsageException($"--realisasi harus 0 sampai {Angka.Format(MaxRealisasi)}.");
        if (o.Users is < 1 or > MaxUsers) throw new UsageException($"--users harus 1 sampai {Angka.Format(MaxUsers)}.");
        if (o.Atasan < 0 || o.Atasan > o.Users) throw new UsageException("--atasan harus 0 sampai jumlah --users.");
        if (o.Tahun is < 2000 or > 2100) throw new UsageException("--tahun harus antara 2000 dan 2100.");

        var writer = new SeedWriter(services.Database);
        if (writer.RefusalReason() is { } why)
        {
            Console.Error.WriteLine($"Tidak diisi: {services.Database.Path}: {why}. Pakai --db dengan berkas baru.");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var plan = SeedPlan.Build(services.Knowledge, o, services.Time.GetUtcNow());
        var written = writer.Write(plan.Users, plan.Realisasi, services.Time.GetUtcNow());
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        if (json)
            output.WriteLine(Json.Write(new { db = services.Database.Path, users = plan.Users.Count, atasan = plan.Users.Count(u => u.Peran == Peran.Atasan),
                realisasi = written, tahun = o.Tahun, months = plan.Months, seconds }));
        else
            output.WriteLine($"{services.Database.Path}: {Angka.Format(plan.Users.Count)} pengguna ({Angka.Format(plan.Users.Count(u => u.Peran == Peran.Atasan))} atasan), " +
                $"{Angka.Format(written)} realisasi tahun {o.Tahun} ({plan.Months} bulan), {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')} detik.");
        return 0;
    }
}
