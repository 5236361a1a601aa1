using IkiBot.Bot.Conversation;
using IkiBot.Bot.Tests.Reporting;
using IkiBot.Data;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace IkiBot.Bot.Tests.Conversation;

/// <summary>
/// Issue 8 item 3: every command (and alias) of <see cref="CommandTable"/> x role (stranger, waiting for approval,
/// staf, atasan, admin) x chat type (private, group), through the whole bot on a real database. A refused cell
/// changes nothing in the database; an allowed one reaches its handler.
/// </summary>
public sealed class RoleMatrixTests(ITestOutputHelper output)
{
    public enum Role { Stranger, Pending, Staf, Atasan, Admin }

    private static readonly string[] RefusalTexts =
        ["belum terdaftar", "diblokir", "masih menunggu persetujuan admin.", "Hanya admin yang dapat memakai", "Hanya atasan atau admin yang dapat memakai"];

    /// <summary>The argument each command gets, so an allowed cell does real work.</summary>
    private static string Argument(string name) => name switch
    {
        "/tugas" or "/fungsi" or "/indikator" => " kasi phi",
        "/jabatan saya" => "",
        "/koreksi" or "/target" => " 1 5",
        "/pilih" => " 1",
        "/pengingat" => " mati",
        _ => "",
    };

    private static bool Allowed(Audience audience, Role role) => audience switch
    {
        Audience.Anyone => true,
        Audience.Registered => role != Role.Stranger,
        Audience.Active => role is Role.Staf or Role.Atasan or Role.Admin,
        Audience.Supervisor => role is Role.Atasan or Role.Admin,
        _ => role == Role.Admin,
    };

    [Fact]
    public void Everything_the_issue_names_as_personal_is_private_only_and_questions_work_everywhere()
    {
        string[] personal = ["/koreksi", "/batal", "/laporanku", "/rekap", "/ekspor", "/grafik", "/target", "/jabatan saya", "/pengingat", "/setujui", "/tolak", "/pilih"];
        foreach (var c in personal) Assert.True(CommandTable.All.Single(s => s.Command == c).PrivateOnly, c);
        foreach (var c in new[] { "/tugas", "/fungsi", "/indikator", "/jabatan", "/bantuan", "/mulai" })
            Assert.False(CommandTable.All.Single(s => s.Command == c).PrivateOnly, c);
    }

    [Fact]
    public void Every_command_in_the_help_text_is_in_the_table()
    {
        using var bot = new TestBot();
        var help = ConversationEngine.Help(true, bot.Services.Supervision.HelpLines);
        var words = help.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith('/')).ToList();
        Assert.True(words.Count >= 14);
        foreach (var word in words) Assert.True(CommandTable.Find(word, "") is not null, word);
    }

    [Fact]
    public async Task Every_command_x_role_x_chat_type()
    {
        using var bot = new TestBot();
        await bot.Services.Users.RegisterAsync("telegram", "approver", "Admin", null, Peran.Admin, StatusPengguna.Aktif);
        var cells = 0;
        var n = 0;
        foreach (var spec in CommandTable.All)
        foreach (var name in spec.Names)
        foreach (var role in Enum.GetValues<Role>())
        foreach (var isPrivate in new[] { true, false })
        {
            var id = $"{role}-{++n}".ToLowerInvariant();
            await MakeAsync(bot, role, id);
            var text = name + Argument(name);
            string? candidate = null;
            if (spec.Command is "/setujui" or "/tolak")
            {
                // A real waiting request from someone else; the button payload is what the admin would press.
                candidate = $"cand-{n}";
                var asked = await bot.Say("/jabatan saya BENDAHARA", candidate);
                var request = asked.Others.First().Reply;
                text = request.Choices[spec.Command == "/setujui" ? 0 : 1].Payload;
            }
            var before = Fingerprint(bot.Path);

            var reply = (await bot.Say(text, id, isPrivate: isPrivate)).Text;

            var cell = $"{text} as {role} in {(isPrivate ? "private" : "group")}: \"{Short(reply)}\"";
            var after = Fingerprint(bot.Path);
            if (spec.PrivateOnly && !isPrivate)
            {
                Assert.True(reply.Contains("chat pribadi"), cell);
                Assert.True(before == after, cell + " changed the database");
            }
            else if (!Allowed(spec.Audience, role))
            {
                Assert.True(RefusalTexts.Any(reply.Contains), cell + " should be refused");
                Assert.True(before == after, cell + " changed the database");
            }
            else
            {
                Assert.False(reply.Contains(CommandGate.PrivateOnlyText), cell);
                Assert.False(RefusalTexts.Any(reply.Contains), cell + " should be allowed");
                Assert.DoesNotContain("tidak dikenal", reply);
                if (candidate is not null)
                    Assert.Equal(spec.Command == "/setujui" ? StatusPengguna.Aktif : StatusPengguna.Menunggu,
                        (await bot.Services.Users.FindAsync("telegram", candidate))!.Status);
            }
            if (candidate is not null && (spec.PrivateOnly && !isPrivate || !Allowed(spec.Audience, role)))
                Assert.Equal(StatusPengguna.Menunggu, (await bot.Services.Users.FindAsync("telegram", candidate))!.Status);
            cells++;
        }
        output.WriteLine($"{cells} cells ({CommandTable.All.Sum(s => s.Names.Count())} commands and aliases x 5 roles x 2 chat types)");
        Assert.Equal(CommandTable.All.Sum(s => s.Names.Count()) * 5 * 2, cells);
    }

    private static async Task MakeAsync(TestBot bot, Role role, string id)
    {
        var users = bot.Services.Users;
        switch (role)
        {
            case Role.Stranger:
                return;
            case Role.Pending:
                await users.RegisterAsync("telegram", id, "Menunggu " + id, "BENDAHARA", Peran.Staf, StatusPengguna.Menunggu);
                return;
            case Role.Staf:
                await users.RegisterAsync("telegram", id, "Staf " + id, "BENDAHARA", Peran.Staf, StatusPengguna.Aktif);
                return;
            case Role.Atasan:
                await users.RegisterAsync("telegram", id, "Atasan " + id, "SEKRETARIS", Peran.Atasan, StatusPengguna.Aktif);
                return;
            case Role.Admin:
                await users.RegisterAsync("telegram", id, "Admin " + id, "KEPALA DINAS", Peran.Admin, StatusPengguna.Aktif);
                return;
        }
    }

    private static string Fingerprint(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText =
            "SELECT (SELECT COUNT(*) FROM AuditEntry) || '/' || (SELECT COUNT(*) FROM Realisasi) || '/' || (SELECT COUNT(*) FROM Target) || '/' ||" +
            " (SELECT COUNT(*) FROM ReminderPreference) || '/' || (SELECT COUNT(*) FROM PermintaanJabatan) || '/' || (SELECT COUNT(*) FROM Pengguna) || '/' ||" +
            " (SELECT group_concat(Id || Status || IFNULL(Jabatan, '') || Peran) FROM Pengguna) || '/' || (SELECT group_concat(Id || Status) FROM PermintaanJabatan)";
        return Convert.ToString(cmd.ExecuteScalar()) ?? "";
    }

    private static string Short(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
