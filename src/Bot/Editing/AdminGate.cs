using IkiBot.Bot.Conversation;
using IkiBot.Data;

namespace IkiBot.Bot.Editing;

/// <summary>Who may change what the bot knows: an active admin user, or an id listed in the Admins setting.</summary>
public sealed class AdminGate(PenggunaStore users, IReadOnlyList<string> configuredAdmins)
{
    /// <summary>The admin (null user for a configured id not registered yet), or a refusal naming who may do it.</summary>
    public async Task<(bool Allowed, Pengguna? Admin, TurnResult? Refusal)> CheckAsync(Incoming message, string what, CancellationToken ct)
    {
        var user = await users.FindAsync(message.Channel, message.UserId, ct);
        if (user is { Peran: Peran.Admin, Status: StatusPengguna.Aktif }) return (true, user, null);
        if (configuredAdmins.Contains(message.UserId) || configuredAdmins.Contains($"{message.Channel}:{message.UserId}")) return (true, user, null);
        var admins = (await users.AdminsAsync(ct)).Select(a => a.NamaTampilan).ToList();
        var who = admins.Count == 0 ? "Belum ada admin terdaftar." : $"Hubungi admin: {string.Join(", ", admins)}.";
        return (false, null, new TurnResult(new Reply($"Hanya admin yang dapat {what}. {who}")));
    }
}
