using System.Globalization;
using IkiBot.Data;
using IkiBot.Data.Seeding;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Cli;

/// <summary>Who and what the load tool writes: users over the jabatan, atasan on the heads, realizations over the months.</summary>
public sealed record SeedPlan(IReadOnlyList<SeedPengguna> Users, IEnumerable<SeedRealisasi> Realisasi, int Months)
{
    public static SeedPlan Build(IkiKnowledge knowledge, SeedCommand.SeedOptions o, DateTimeOffset now)
    {
        var jabatan = knowledge.Kb.Jabatan;
        var heads = jabatan.Where(j => knowledge.Struktur.AllUnder(j.Nama).Count > 0).ToList();
        if (heads.Count == 0) heads = [.. jabatan];

        var users = new List<SeedPengguna>(o.Users);
        for (var i = 0; i < o.Users; i++)
        {
            var atasan = i < o.Atasan;
            var j = atasan ? heads[i % heads.Count] : jabatan[(i - o.Atasan) % jabatan.Count];
            var id = (i + 1).ToString("D6", CultureInfo.InvariantCulture);
            users.Add(new SeedPengguna(id, $"{(atasan ? "Atasan" : "Pegawai")} {id}", j.Nama, atasan ? Peran.Atasan : Peran.Staf));
        }

        var today = JakartaTime.From(now);
        var months = o.Tahun < today.Year ? 12 : o.Tahun == today.Year ? today.Month : 1;
        return new SeedPlan(users, Realizations(knowledge, users, o, months), months);
    }

    /// <summary>
    /// Month by month, each month's rows in time order as the bot writes them (so a month's rows lie together in the
    /// file, as in a real database), one month in memory at a time.
    /// </summary>
    private static IEnumerable<SeedRealisasi> Realizations(IkiKnowledge knowledge, List<SeedPengguna> users, SeedCommand.SeedOptions o, int months)
    {
        var rowsOf = users.Select(u => u.Jabatan).Distinct()
            .ToDictionary(n => n, n => knowledge.Kb.Find(n)!.Indikator.Where(r => !r.TidakTerukur).ToArray());
        var reporters = Enumerable.Range(0, users.Count).Where(i => rowsOf[users[i].Jabatan].Length > 0).ToArray();
        if (reporters.Length == 0) yield break;
        var random = new Random(o.Seed);
        int[] monthList = o.Bulan is { } only ? [only] : Enumerable.Range(1, months).ToArray();
        for (var m = 0; m < monthList.Length; m++)
        {
            var month = monthList[m];
            var count = o.Realisasi / monthList.Length + (m < o.Realisasi % monthList.Length ? 1 : 0);
            var batch = new List<SeedRealisasi>(count);
            for (var n = 0; n < count; n++)
            {
                var who = reporters[random.Next(reporters.Length)];
                var user = users[who];
                var rows = rowsOf[user.Jabatan];
                var row = rows[random.Next(rows.Length)];
                var at = new DateTimeOffset(o.Tahun, month, random.Next(1, 29), random.Next(0, 10), random.Next(0, 60), 0, TimeSpan.Zero);
                batch.Add(new SeedRealisasi(who, user.Jabatan, row.KeyFor(user.Jabatan), row.No, IkiBot.Bot.Supervision.RekapBuilder.Clean(row.Uraian),
                    $"{o.Tahun:D4}-{month:D2}", random.Next(0, 51), at));
            }
            foreach (var r in batch.OrderBy(r => r.DibuatPada)) yield return r;
        }
    }
}
