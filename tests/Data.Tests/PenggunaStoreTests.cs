namespace IkiBot.Data.Tests;

public sealed class PenggunaStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Register_is_idempotent_and_keeps_the_first_values()
    {
        var first = await _db.Pengguna.RegisterAsync("telegram", "42", "Sri", "SEKSI X", Peran.Staf, StatusPengguna.Menunggu);
        var again = await _db.Pengguna.RegisterAsync("telegram", "42", "Other", null, Peran.Admin, StatusPengguna.Aktif);
        var otherChannel = await _db.Pengguna.RegisterAsync("teams", "42", "Sri", null, Peran.Staf, StatusPengguna.Menunggu);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("Sri", again.NamaTampilan);
        Assert.Equal(Peran.Staf, again.Peran);
        Assert.NotEqual(first.Id, otherChannel.Id);
        Assert.Equal(_db.Clock.GetUtcNow(), first.DibuatPada);
        Assert.Equal(first.Id, (await _db.Pengguna.FindAsync("telegram", "42"))!.Id);
        Assert.Null(await _db.Pengguna.FindAsync("telegram", "43"));
    }

    [Fact]
    public async Task Register_racing_on_many_threads_creates_one_row()
    {
        var all = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            _db.Pengguna.RegisterAsync("telegram", "7", "Race", null, Peran.Staf, StatusPengguna.Menunggu))));

        Assert.Single(all.Select(p => p.Id).Distinct());
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM \"Pengguna\""));
    }

    [Fact]
    public async Task Enums_are_stored_as_lowercase_text()
    {
        await _db.Pengguna.RegisterAsync("telegram", "1", "A", null, Peran.Atasan, StatusPengguna.Diblokir);

        Assert.Equal("atasan|diblokir", _db.Text("SELECT \"Peran\" || '|' || \"Status\" FROM \"Pengguna\""));
    }

    [Fact]
    public async Task SetJabatan_sends_staf_back_to_menunggu_but_not_admins_or_blocked_users()
    {
        var staf = await _db.Pengguna.RegisterAsync("telegram", "1", "S", "A", Peran.Staf, StatusPengguna.Aktif);
        var admin = await _db.Pengguna.RegisterAsync("telegram", "2", "Ad", "A", Peran.Admin, StatusPengguna.Aktif);
        var blocked = await _db.Pengguna.RegisterAsync("telegram", "3", "B", "A", Peran.Staf, StatusPengguna.Diblokir);

        var s = await _db.Pengguna.SetJabatanAsync(staf.Id, "SEKSI B");
        var a = await _db.Pengguna.SetJabatanAsync(admin.Id, "SEKSI B");
        var b = await _db.Pengguna.SetJabatanAsync(blocked.Id, "SEKSI B");

        Assert.Equal(("SEKSI B", StatusPengguna.Menunggu), (s.Jabatan, s.Status));
        Assert.Equal(("SEKSI B", StatusPengguna.Aktif), (a.Jabatan, a.Status));
        Assert.Equal(StatusPengguna.Diblokir, b.Status);
        Assert.Equal(StatusPengguna.Menunggu, (await _db.Pengguna.GetAsync(staf.Id))!.Status);
    }

    [Fact]
    public async Task Status_peran_and_the_lists()
    {
        var a = await _db.Pengguna.RegisterAsync("telegram", "1", "A", null, Peran.Staf, StatusPengguna.Menunggu);
        var b = await _db.Pengguna.RegisterAsync("telegram", "2", "B", null, Peran.Staf, StatusPengguna.Menunggu);
        var c = await _db.Pengguna.RegisterAsync("console", "c", "C", null, Peran.Admin, StatusPengguna.Aktif);
        var d = await _db.Pengguna.RegisterAsync("teams", "d", "D", null, Peran.Admin, StatusPengguna.Diblokir);

        await _db.Pengguna.SetStatusAsync(a.Id, StatusPengguna.Aktif, c.Id);
        await _db.Pengguna.SetPeranAsync(b.Id, Peran.Admin, c.Id);
        await _db.Pengguna.SetStatusAsync(b.Id, StatusPengguna.Aktif, c.Id);

        Assert.Equal([a.Id, b.Id, c.Id, d.Id], (await _db.Pengguna.ListAsync()).Select(p => p.Id));
        Assert.Equal([a.Id, b.Id, c.Id],
            (await _db.Pengguna.ListByStatusAsync(StatusPengguna.Aktif)).Select(p => p.Id));
        Assert.Empty(await _db.Pengguna.ListByStatusAsync(StatusPengguna.Menunggu));
        Assert.Equal([b.Id, c.Id], (await _db.Pengguna.AdminsAsync()).Select(p => p.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _db.Pengguna.SetStatusAsync(999, StatusPengguna.Aktif));
    }
}
