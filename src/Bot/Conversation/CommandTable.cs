namespace IkiBot.Bot.Conversation;

/// <summary>Who may use a command. Each level includes the ones below it in this list.</summary>
public enum Audience
{
    /// <summary>Anybody, registered or not.</summary>
    Anyone,
    /// <summary>Has a user record (any status but blocked): e.g. a user waiting for approval.</summary>
    Registered,
    /// <summary>Approved (aktif): staf, atasan, admin.</summary>
    Active,
    /// <summary>Active atasan or admin.</summary>
    Supervisor,
    /// <summary>Active admin.</summary>
    Admin,
}

/// <param name="Command">As typed, e.g. "/koreksi"; "/jabatan saya" is "/jabatan" with an argument starting "saya".</param>
/// <param name="Aliases">Other spellings that do the same.</param>
/// <param name="PrivateOnly">Writes or shows personal data: refused in a group chat.</param>
/// <param name="Handler">Which class serves it.</param>
public sealed record CommandSpec(string Command, Audience Audience, bool PrivateOnly, string Handler, params string[] Aliases)
{
    public IEnumerable<string> Names => [Command, .. Aliases];
}

/// <summary>
/// Every slash command in one place: who may use it, in which chat types, and which handler serves it.
/// <see cref="CommandGate"/> enforces the audience and chat type before the handler runs; the handlers keep their
/// own checks as a second line.
/// </summary>
public static class CommandTable
{
    private const string Engine = nameof(ConversationEngine);
    private const string Reports = "Reporting.ReportDesk";
    private const string Supervision = "Supervision.SupervisorDesk";
    private const string Editing = "Editing.KbEditDesk (admin check: Editing.AdminGate, which also knows the Admins setting)";

    public static readonly IReadOnlyList<CommandSpec> All =
    [
        //  command           who may use it          private only  handler
        new("/mulai",         Audience.Anyone,        false, Engine + " (+ " + Reports + " registers, private chat only)", "/start"),
        new("/bantuan",       Audience.Anyone,        false, Engine, "/help"),
        new("/keluar",        Audience.Anyone,        false, Engine + " (the terminal ends the chat)", "/exit", "/quit"),
        new("/tugas",         Audience.Anyone,        false, Engine),
        new("/fungsi",        Audience.Anyone,        false, Engine),
        new("/indikator",     Audience.Anyone,        false, Engine),
        new("/jabatan",       Audience.Anyone,        false, Engine + " (daftar jabatan)"),
        new("/jabatan saya",  Audience.Anyone,        true,  Reports),
        new("/setujui",       Audience.Admin,         true,  Reports),
        new("/tolak",         Audience.Admin,         true,  Reports),
        new("/pilih",         Audience.Active,        true,  Reports),
        new("/batal",         Audience.Active,        true,  Reports),
        new("/laporanku",     Audience.Active,        true,  Reports),
        new("/koreksi",       Audience.Active,        true,  Reports),
        new("/rekap",         Audience.Active,        true,  Supervision + " (atasan, admin) / " + Reports + " (staf)"),
        new("/target",        Audience.Supervisor,    true,  Reports),
        new("/ekspor",        Audience.Active,        true,  Supervision, "/export"),
        new("/grafik",        Audience.Active,        true,  Supervision, "/chart"),
        new("/pengingat",     Audience.Registered,    true,  Supervision),
        new("/ubah",          Audience.Anyone,        true,  Editing),
        new("/tambah",        Audience.Anyone,        true,  Editing),
        new("/hapus",         Audience.Anyone,        true,  Editing),
        new("/riwayat",       Audience.Anyone,        true,  Editing),
        new("/urungkan",      Audience.Anyone,        true,  Editing),
        new("/impor",         Audience.Anyone,        true,  "Editing.KbFileImportDesk (admin check: Editing.AdminGate)"),
        new("/belumterjawab", Audience.Anyone,        true,  "Editing.AnswerImprovementDesk (admin check: Editing.AdminGate)"),
        new("/sinonim",       Audience.Anyone,        true,  "Editing.AnswerImprovementDesk (admin check: Editing.AdminGate)"),
    ];

    private static readonly Dictionary<string, CommandSpec> ByName =
        All.Where(c => !c.Command.Contains(' ')).SelectMany(c => c.Names.Select(n => (n, c))).ToDictionary(x => x.n, x => x.c);

    /// <summary>The row for a typed command (lower case, without "@Bot"), or null for an unknown command.</summary>
    public static CommandSpec? Find(string command, string argument)
    {
        if (command == "/jabatan" && argument.StartsWith("saya", StringComparison.OrdinalIgnoreCase))
            return All.First(c => c.Command == "/jabatan saya");
        return ByName.GetValueOrDefault(command);
    }
}
