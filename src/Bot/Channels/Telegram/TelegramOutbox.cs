using IkiBot.Bot.Hosting;
using IkiBot.Data;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// The Telegram rows of the shared outbox, sent through the Bot API (see <see cref="ChannelOutbox{TSend}"/>): answers
/// (interactive rows) get the free slots before reminders and digests (bulk rows), a 429 waits for retry_after. Until
/// Telegram has started the rows wait in the table; if it never starts they stay for the next run.
/// </summary>
public sealed class TelegramOutbox(
    ITelegramBotClient bot, ChannelDeliveryStore store, SendPacer pacer, TimeProvider time, TelegramOptions options,
    TelegramReadiness readiness, ILogger<TelegramOutbox> log, SenderElection? election = null)
    : ChannelOutbox<TelegramSend>(TelegramOptions.Channel, store, pacer, time,
        new OutboxPolicy(options.SendTimeout, options.SendRetries, options.SendRetryBaseDelay, options.SendRoundPause, options.MaxSendRounds), log, election)
{
    protected override Task<bool> ReadyAsync(CancellationToken stopping) => readiness.WaitAsync(stopping);

    protected override TelegramSend Read(OutboxMessage row) => TelegramSendJson.FromJson(row.Payload);

    protected override async Task SendAsync(OutboxMessage row, TelegramSend send, CancellationToken ct)
    {
        var chat = new ChatId(long.Parse(row.ChatId, System.Globalization.CultureInfo.InvariantCulture));
        var reply = send.ReplyToMessageId is { } to ? new ReplyParameters { MessageId = to, AllowSendingWithoutReply = true } : null;
        var keyboard = send.Keyboard is null
            ? null
            : new InlineKeyboardMarkup(send.Keyboard.Select(r => r.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data))));
        switch (send.Kind)
        {
            case TelegramSend.Text:
                await bot.SendMessage(chat, send.Html ?? "…", ParseMode.Html, replyParameters: reply, replyMarkup: keyboard,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct);
                break;
            case TelegramSend.Photo:
            {
                await using var stream = new MemoryStream(row.File ?? []);
                await bot.SendPhoto(chat, InputFile.FromStream(stream, send.FileName), caption: send.Html,
                    parseMode: ParseMode.Html, replyParameters: reply, cancellationToken: ct);
                break;
            }
            case TelegramSend.Document:
            {
                await using var stream = new MemoryStream(row.File ?? []);
                await bot.SendDocument(chat, InputFile.FromStream(stream, send.FileName), caption: send.Html,
                    parseMode: ParseMode.Html, replyParameters: reply, cancellationToken: ct);
                break;
            }
            case TelegramSend.ClearKeyboard when send.MessageId is { } messageId:
                await bot.EditMessageReplyMarkup(chat, messageId, replyMarkup: null, cancellationToken: ct);
                break;
            default:
                throw new InvalidOperationException($"Unknown outbox kind '{send.Kind}'.");
        }
    }

    protected override bool IsTransient(Exception e) => TelegramErrors.IsTransient(e);
    protected override TimeSpan? RetryAfter(Exception? e) => TelegramErrors.RetryAfter(e);
    protected override bool IsBlocked(Exception e) => TelegramErrors.IsBlocked(e);
    protected override bool IsAlreadyDone(TelegramSend send, Exception e) => TelegramErrors.IsAlreadyDone(e, send);
    protected override string Describe(Exception? e) => TelegramErrors.Describe(e);
}
