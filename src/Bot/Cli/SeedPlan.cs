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

    /// <summary>Lazily, so a million rows are never held in memory at once.</summary>
    private static IEnumerable<SeedRealisasi> Realizations(IkiKnowledge knowledge, List<SeedPengguna> users, SeedCommand.SeedOptions o, int months)
    {
        var rowsOf = users.Select(u => u.Jabatan).Distinct()
            .ToDictionary(n => n, n => knowledge.Kb.Find(n)!.Indikator.Where(r => !r.TidakTerukur).ToArray());
        var reporters = Enumerable.Range(0, users.Count).Where(i => rowsOf[users[i].Jabatan].Length > 0).ToArray();
        if (reporters.Length == 0) yield break;
        var random = new Random(o.Seed);
        for (var n = 0; n < o.Realisasi; n++)
        {
            var who = reporters[random.Next(reporters.Length)];
            var user = users[who];
            var rows = rowsOf[user.Jabatan];
            var row = rows[random.Next(rows.Length)];
            var month = o.Bulan ?? random.Next(1, months + 1);
            var at = new DateTimeOffset(o.Tahun, month, random.Next(1, 29), random.Next(0, 10), random.Next(0, 60), 0, TimeSpan.Zero);
            yield return new SeedRealisasi(who, user.Jabatan, row.KeyFor(user.Jabatan), row.No, IkiBot.Bot.Supervision.RekapBuilder.Clean(row.Uraian),
                $"{o.Tahun:D4}-{month:D2}", random.Next(0, 51), at);
        }
    }
}
