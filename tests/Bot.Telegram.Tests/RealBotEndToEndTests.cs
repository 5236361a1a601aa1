using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Telegram.Tests.Harness;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>The whole bot as `ikibot` runs it (reporting desk, stores) behind the Telegram host, through the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class RealBotEndToEndTests(EmulatorFixture emu)
{
    [Fact]
    public async Task Register_approve_report_clarify_by_button_and_cancel()
    {
        const long admin = 810, staff = 811;
        BotServices? services = null;
        await using var bot = new BotUnderTest(BotUnderTest.Options_(emu.Proxy.Url), _ =>
        {
            services = new BotServices(new BotSettings { DatabasePath = Path.Combine(Path.GetTempPath(), $"ikibot-e2e-{Guid.NewGuid():N}.db"), Admins = [admin.ToString()] },
                TimeProvider.System, quiet: true);
            return services.Engine;
        });
        await bot.StartAsync();
        try
        {
            var token = bot.Options.Token;
            var adminUser = emu.User(token, admin, "Admin");
            var staffUser = emu.User(token, staff, "Rina");

            await adminUser.SendAsync("/start");
            await adminUser.WaitForAsync(1);

            await staffUser.SendAsync("/start");
            var start = (await staffUser.WaitForAsync(1))[0];
            Assert.Equal(27, start.Buttons.Count);
            var ipk = start.Buttons.Single(b => b.Text.Contains("PENGADMINISTRASI INFORMASI PASAR KERJA"));
            await staffUser.PressAsync(start, ipk.Data);
            Assert.Contains("sudah dikirim ke admin", (await staffUser.WaitForAsync(2))[1].Text);

            var request = (await adminUser.WaitForAsync(2))[1];
            Assert.Equal(["Setujui", "Tolak"], request.Buttons.Select(b => b.Text));
            await adminUser.PressAsync(request, request.Buttons[0].Data);
            Assert.Contains("disetujui", (await staffUser.WaitForAsync(3))[2].Text);

            await staffUser.SendAsync("input data pencaker hari ini 85");
            var stored = (await staffUser.WaitForAsync(4))[3];
            Assert.Contains("Tercatat", stored.Text);
            Assert.Contains("Jumlah Data Pencaker yang di Input: 85", stored.Text);

            await staffUser.SendAsync("pencaker yg dilayani hr ini 30 org");
            var question = (await staffUser.WaitForAsync(5))[4];
            Assert.Equal(2, question.Buttons.Count);
            var row4 = question.Buttons.Single(b => b.Text.StartsWith("4."));
            await staffUser.PressAsync(question, row4.Data);
            var picked = (await staffUser.WaitForAsync(6))[5];
            Assert.Contains("4. Jumlah Pencaker yang dilayani: 30", picked.Text);

            await staffUser.SendAsync("/batal");
            var confirm = (await staffUser.WaitForAsync(7))[6];
            Assert.Contains("4. Jumlah Pencaker yang dilayani: 30", confirm.Text); // names the entry before cancelling it
            Assert.Equal(["Ya", "Tidak"], confirm.Buttons.Select(b => b.Text));
            await staffUser.PressAsync(confirm, confirm.Buttons[0].Data);
            Assert.Contains("Dibatalkan", (await staffUser.WaitForAsync(8))[7].Text);

            var left = await services!.Realisasi.ListByPeriodeAsync(IkiBot.Knowledge.Reporting.Periode.Of(DateTimeOffset.UtcNow).Code);
            Assert.Equal(85, Assert.Single(left).Nilai);
        }
        finally
        {
            if (services is not null)
            {
                var path = services.Settings.DatabasePath;
                services.Dispose();
                foreach (var suffix in new[] { "", "-wal", "-shm" }) try { File.Delete(path + suffix); } catch (IOException) { }
            }
        }
    }
}
