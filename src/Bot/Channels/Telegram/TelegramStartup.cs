using System.Text.RegularExpressions;
using IkiBot.Bot.Conversation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>The start refused for a reason the operator must fix (a rejected token, a webhook Telegram will not take).</summary>
public sealed class TelegramStartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Runs before polling/webhook: learns the bot's own account (getMe, retried while the network is down, fatal on a
/// rejected token), registers the command menu in Indonesian (setMyCommands; a server without it is only logged), and
/// either registers the webhook (setWebhook with the secret token) or removes one so getUpdates works. In the host
/// shared with Teams this runs in the background (see <see cref="TelegramReadiness"/>): a fatal error is logged
/// loudly and stops Telegram alone, since Teams users should not lose the bot over a Telegram setting.
/// </summary>
public sealed partial class TelegramStartup(
    ITelegramBotClient bot,
    ConversationEngine engine,
    TelegramBotIdentity identity,
    TelegramOptions options,
    TelegramReadiness readiness,
    TimeProvider time,
    ILogger<TelegramStartup> log) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _background = Task.CompletedTask;

    public Task StartAsync(CancellationToken ct)
    {
        if (!readiness.InBackground) return RunAsync(ct);
        _background = Task.Run(() => RunInBackgroundAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        try { await _background.WaitAsync(ct); }
        catch (OperationCanceledException) { }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await StartStepsAsync(ct);
            readiness.Started();
        }
        catch
        {
            readiness.Failed();
            throw;
        }
    }

    private async Task RunInBackgroundAsync(CancellationToken ct)
    {
        try { await RunAsync(ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e)
        {
            log.LogCritical("!!! Telegram TIDAK berjalan: {Error} Kanal lain tetap berjalan. Pesan untuk pengguna Telegram " +
                            "tetap tersimpan di antrean dan terkirim setelah pengaturan diperbaiki dan bot dimulai ulang. !!!", e.Message);
        }
    }

    private async Task StartStepsAsync(CancellationToken ct)
    {
        var me = await WithRetriesAsync("getMe", t => bot.GetMe(t), attempts: int.MaxValue, ct);
        identity.Id = me.Id;
        identity.Username = me.Username;
        log.LogInformation("Telegram: masuk sebagai @{Username} ({Id})", me.Username, me.Id);

        try
        {
            var commands = await MenuAsync(ct);
            await bot.SetMyCommands(commands, cancellationToken: ct);
            log.LogInformation("Telegram: menu {Count} perintah terdaftar", commands.Count);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("setMyCommands gagal ({Error}); bot tetap berjalan tanpa menu", TelegramErrors.Describe(e));
        }

        if (options.WebhookUrl is { } url)
        {
            await WithRetriesAsync("setWebhook", async t =>
            {
                await bot.SetWebhook(url, allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery],
                    secretToken: options.SecretToken, maxConnections: 10, dropPendingUpdates: false, cancellationToken: t);
                return true;
            }, attempts: 5, ct);
            log.LogInformation("Telegram: webhook terdaftar di {Url}", url);
        }
        else
        {
            try { await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct); }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning("deleteWebhook gagal ({Error}); getUpdates mungkin ditolak selama webhook masih terpasang", TelegramErrors.Describe(e));
            }
        }
    }

    /// <summary>The menu follows the conversation's own /bantuan, so it lists exactly the commands the bot answers.</summary>
    public async Task<IReadOnlyList<BotCommand>> MenuAsync(CancellationToken ct)
    {
        var help = await engine.HandleAsync(new Incoming(TelegramOptions.Channel, "0", "menu", "menu", "/bantuan", time.GetUtcNow()), ct);
        var commands = new List<BotCommand> { new("mulai", "Mulai memakai IkiBot"), new("bantuan", "Daftar perintah") };
        foreach (var line in help.Text.Split('\n'))
        {
            var m = MenuLine().Match(line.Trim());
            if (!m.Success) continue;
            var name = m.Groups[1].Value.ToLowerInvariant();
            var description = m.Groups[2].Value.Trim();
            if (description.Length > 0) description = char.ToUpperInvariant(description[0]) + description[1..];
            if (name.Length > 32 || name == "keluar" || commands.Any(c => c.Command == name) || description.Length is < 3 or > 256) continue;
            commands.Add(new BotCommand(name, description));
        }
        return commands;
    }

    [GeneratedRegex(@"^/([a-z0-9_]+)\b[^—]*—\s*(.+)$")]
    private static partial Regex MenuLine();

    private async Task<T> WithRetriesAsync<T>(string what, Func<CancellationToken, Task<T>> call, int attempts, CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(ct);
            }
            catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
            {
                throw new TelegramStartupException(
                    $"Telegram menolak token bot ({e.ErrorCode}: {e.Message}). Periksa Telegram:Token (dari @BotFather) dan Telegram:BaseUrl.", e);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400)
            {
                throw new TelegramStartupException($"Telegram menolak {what}: {e.Message}. Periksa Telegram:WebhookUrl dan Telegram:SecretToken.", e);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && attempt < attempts)
            {
                log.LogWarning("{What} gagal ({Error}); dicoba lagi dalam {Delay}", what, TelegramErrors.Describe(e), delay);
                await Task.Delay(delay, time, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                throw new TelegramStartupException($"{what} tetap gagal setelah {attempts} percobaan: {TelegramErrors.Describe(e)}", e);
            }
        }
    }
}
