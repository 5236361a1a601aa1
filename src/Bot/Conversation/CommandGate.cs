using IkiBot.Data;

namespace IkiBot.Bot.Conversation;

/// <summary>Enforces <see cref="CommandTable"/>: the chat type first (nothing personal in a group), then who may use the command.</summary>
public sealed class CommandGate(PenggunaStore users)
{
    public const string PrivateOnlyText = "hanya dapat dipakai di chat pribadi, bukan di grup. Kirim lewat chat pribadi dengan bot.";

    /// <summary>Null when the command may run; otherwise the refusal to send back.</summary>
    public async Task<TurnResult?> RefuseAsync(Incoming message, string command, string argument, CancellationToken ct)
    {
        if (CommandTable.Find(command, argument) is not { } spec) return null; // unknown commands get the engine's own answer
        if (spec.PrivateOnly && !message.IsPrivate)
            return Refusal($"Perintah {spec.Command} {PrivateOnlyText}");
        if (spec.Audience == Audience.Anyone) return null;

        var user = await users.FindAsync(message.Channel, message.UserId, ct);
        var why = user switch
        {
            null => "Anda belum terdaftar. Pilih jabatan Anda dengan /jabatan saya <nama jabatan>.",
            { Status: StatusPengguna.Diblokir } => "Akun Anda diblokir. Hubungi admin.",
            _ when spec.Audience == Audience.Registered => null,
            { Peran: Peran.Staf } when spec.Audience >= Audience.Supervisor => spec.Audience == Audience.Admin
                ? $"Hanya admin yang dapat memakai {spec.Command}."
                : $"Hanya atasan atau admin yang dapat memakai {spec.Command}.",
            { Peran: Peran.Atasan } when spec.Audience == Audience.Admin => $"Hanya admin yang dapat memakai {spec.Command}.",
            { Status: StatusPengguna.Menunggu } => "Pendaftaran Anda masih menunggu persetujuan admin.",
            _ => null,
        };
        return why is null ? null : Refusal(why);
    }

    private static TurnResult Refusal(string text) => new(new Reply(text));
}
