using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>Questions the bot could not answer (/belumterjawab) and the synonyms admins add (/sinonim) (issue 12).</summary>
public sealed class AnswerImprovementStore(IDbContextFactory<IkiDbContext> factory, TimeProvider time)
{
    public async Task LogAsync(string channel, string channelUserId, string teks, string kunci, string jenis, string ditawarkan, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        db.PertanyaanTakTerjawab.Add(new PertanyaanTakTerjawab
        {
            Waktu = time.GetUtcNow(), Channel = channel, ChannelUserId = channelUserId, Teks = teks, Kunci = kunci, Jenis = jenis, Ditawarkan = ditawarkan,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The most frequent unanswered questions since a moment: count, one wording, the last offer.</summary>
    public async Task<IReadOnlyList<UnansweredGroup>> MostFrequentAsync(DateTimeOffset since, int count = 10, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var rows = await db.PertanyaanTakTerjawab.AsNoTracking().ToListAsync(ct); // small table; DateTimeOffset is stored as text
        return rows.Where(r => r.Waktu >= since).GroupBy(r => r.Kunci)
            .Select(g => new UnansweredGroup(g.Count(), g.OrderByDescending(r => r.Id).First().Teks, g.Select(r => r.ChannelUserId).Distinct().Count(),
                g.OrderByDescending(r => r.Id).First().Jenis, g.OrderByDescending(r => r.Id).First().Ditawarkan, g.Max(r => r.Waktu)))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Terakhir).Take(count).ToList();
    }

    public async Task<IReadOnlyList<KbSinonim>> ActiveSynonymsAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.KbSinonim.AsNoTracking().Where(s => s.DihapusPada == null).OrderBy(s => s.Kata).ToListAsync(ct);
    }

    /// <summary>Adds (or replaces) the synonym of a word; audited.</summary>
    public async Task<KbSinonim?> SetSynonymAsync(string kata, string istilah, int? penggunaId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var old = await db.KbSinonim.SingleOrDefaultAsync(s => s.Kata == kata && s.DihapusPada == null, ct);
        if (old is not null) old.DihapusPada = now;
        await db.SaveChangesAsync(ct);
        var added = new KbSinonim { Kata = kata, Istilah = istilah, DibuatPada = now, PenggunaId = penggunaId };
        db.KbSinonim.Add(added);
        Audit.Write(db, now, penggunaId, "kb.sinonim", new { kata, istilah, Sebelum = old?.Istilah });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Removes the synonym of a word (kept with DihapusPada); false when there was none.</summary>
    public async Task<bool> RemoveSynonymAsync(string kata, int? penggunaId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var old = await db.KbSinonim.SingleOrDefaultAsync(s => s.Kata == kata && s.DihapusPada == null, ct);
        if (old is null) return false;
        var now = time.GetUtcNow();
        old.DihapusPada = now;
        Audit.Write(db, now, penggunaId, "kb.sinonim-hapus", new { kata, old.Istilah });
        await db.SaveChangesAsync(ct);
        return true;
    }
}

public sealed record UnansweredGroup(int Count, string Teks, int Pengguna, string Jenis, string Ditawarkan, DateTimeOffset Terakhir);
