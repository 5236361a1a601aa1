using IkiBot.Bot.Composition;
using IkiBot.Data;

namespace IkiBot.Bot.Cli;

/// <summary>`users add --channel telegram --id 123 --jabatan "NAMA" --role admin` and `users list [--json]`.</summary>
public static class UsersCommand
{
    public static async Task<int> AddAsync(BotServices services, string channel, string id, string? jabatan, string role, string? nama, TextWriter output)
    {
        if (channel is not ("telegram" or "teams" or "console"))
            throw new UsageException($"Channel harus telegram, teams atau console, bukan \"{channel}\".");
        if (!Enum.TryParse<Peran>(role, ignoreCase: true, out var peran))
            throw new UsageException($"Peran harus staf, atasan atau admin, bukan \"{role}\".");
        string? exact = null;
        if (jabatan is not null)
            exact = JabatanOption.Resolve(services.Knowledge, jabatan);
        var user = await services.Users.RegisterAsync(channel, id, nama ?? id, exact, peran, StatusPengguna.Aktif);
        if (exact is not null && user.Jabatan != exact) user = await services.Users.SetJabatanAsync(user.Id, exact);
        if (user.Peran != peran) user = await services.Users.SetPeranAsync(user.Id, peran);
        if (user.Status != StatusPengguna.Aktif) user = await services.Users.SetStatusAsync(user.Id, StatusPengguna.Aktif);
        output.WriteLine($"Pengguna {user.Channel}:{user.ChannelUserId} — {user.Jabatan ?? "tanpa jabatan"}, {Lower(user.Peran)}, {Lower(user.Status)}.");
        return 0;
    }

    public static async Task<int> ListAsync(PenggunaStore users, bool json, TextWriter output)
    {
        var all = await users.ListAsync();
        var rows = all.Select(u => new
        {
            id = u.Id, channel = u.Channel, userId = u.ChannelUserId, nama = u.NamaTampilan, jabatan = u.Jabatan,
            peran = Lower(u.Peran), status = Lower(u.Status),
        }).ToList();
        if (json) output.WriteLine(Json.Write(rows));
        else foreach (var r in rows) output.WriteLine($"{r.id}\t{r.channel}:{r.userId}\t{r.nama}\t{r.jabatan}\t{r.peran}\t{r.status}");
        return 0;
    }

    private static string Lower<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();
}
