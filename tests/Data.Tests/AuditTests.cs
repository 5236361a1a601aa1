namespace IkiBot.Data.Tests;

public sealed class AuditTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Every_change_writes_one_audit_entry_and_reads_do_not()
    {
        var admin = await _db.Pengguna.RegisterAsync("console", "root", "Admin", null, Peran.Admin, StatusPengguna.Aktif);
        var staf = await _db.Pengguna.RegisterAsync("telegram", "42", "Sri", null, Peran.Staf, StatusPengguna.Menunggu);
        await _db.Pengguna.RegisterAsync("telegram", "42", "Sri again", null, Peran.Staf, StatusPengguna.Menunggu); // no change
        await _db.Pengguna.SetJabatanAsync(staf.Id, TempDatabase.Jabatan);
        await _db.Pengguna.SetStatusAsync(staf.Id, StatusPengguna.Aktif, admin.Id);
        await _db.Pengguna.SetPeranAsync(staf.Id, Peran.Atasan, admin.Id);
        await _db.Realisasi.AddAsync(TempDatabase.Report(staf.Id, "m1", 3));
        await _db.Realisasi.AddAsync(TempDatabase.Report(staf.Id, "m1", 3)); // duplicate: no change
        await _db.Realisasi.CancelLastAsync(staf.Id, "b1");
        await _db.Realisasi.CancelLastAsync(staf.Id, "b1"); // redelivered: no change
        await _db.Realisasi.CorrectAsync(staf.Id, TempDatabase.Jabatan, TempDatabase.Key, 3, "t", TempDatabase.Periode, 6, "k1");
        await _db.Target.SetAsync(TempDatabase.Jabatan, TempDatabase.Key, 2026, 100, null, admin.Id);
        await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode);
        await _db.Pengguna.ListAsync();

        var entries = (await _db.Audit.RecentAsync(100)).Reverse().ToList();

        Assert.Equal(
        [
            "pengguna.daftar", "pengguna.daftar", "pengguna.jabatan", "pengguna.status", "pengguna.peran",
            "realisasi.lapor", "realisasi.batal", "realisasi.koreksi", "target.set",
        ], entries.Select(e => e.Aksi));
        var status = entries.Single(e => e.Aksi == "pengguna.status");
        Assert.Equal(admin.Id, status.PenggunaId);
        Assert.Contains("\"Sesudah\":\"aktif\"", status.Rincian);
        Assert.Equal(staf.Id, entries.Single(e => e.Aksi == "realisasi.lapor").PenggunaId);
        Assert.Contains("\"MessageId\":\"m1\"", entries.Single(e => e.Aksi == "realisasi.lapor").Rincian);
    }
}
