using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IkiBot.Bot.Conversation;
using IkiBot.Data;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>The bot's own account, learned from getMe at start (for mentions and replies in groups).</summary>
public sealed class TelegramBotIdentity
{
    public long Id { get; set; }
    public string? Username { get; set; }
}

public enum UpdateOutcome { Answered, Ignored, Duplicate }

/// <summary>
/// One update in, its effects committed: turns a Telegram update into an <see cref="Incoming"/>, runs the conversation,
/// renders the replies and commits them to the outbox together with "this update is handled" and the cursor, in one
/// transaction. Polling and the webhook both come through here, one update at a time.
/// </summary>
public sealed class TelegramUpdateHandler(
    ConversationEngine engine,
    ITelegramBotClient bot,
    ChannelDeliveryStore store,
    TelegramOutbox outbox,
    DraftRenderers others,
    TelegramBotIdentity me,
    TelegramOptions options,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> log)
{
    public const string NonTextReply =
        "Maaf, saya hanya dapat membaca pesan teks. Ketik pertanyaan Anda, misalnya \"tugas kasi PHI\", atau /bantuan.";
    public const string ApologyReply =
        "Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.";
    public const string ExpiredButtonReply =
        "Tombol ini sudah tidak berlaku. Silakan ulangi pertanyaan Anda.";

    private const string Channel = TelegramOptions.Channel;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly ConcurrentDictionary<long, long> _typingSent = new();

    /// <summary>A raw update as Telegram sent it; one that cannot be read is logged and counted as handled.</summary>
    public async Task<UpdateOutcome> HandleAsync(JsonElement raw, CancellationToken ct)
    {
        if (ReadUpdateId(raw) is not { } id)
        {
            log.LogWarning("Update tanpa update_id diabaikan: {Raw}", Shorten(raw.GetRawText()));
            return UpdateOutcome.Ignored;
        }
        Update? update = null;
        try { update = raw.Deserialize<Update>(JsonBotAPI.Options); }
        catch (Exception e) when (e is not OperationCanceledException) // whatever its shape, the update alone is skipped
        {
            log.LogWarning("Update {Id} tidak dapat dibaca ({Error}); dilewati", id, e.Message);
        }
        return await HandleAsync(id, update, ct);
    }

    public static long? ReadUpdateId(JsonElement raw) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("update_id", out var v) && v.ValueKind == JsonValueKind.Number
        && v.TryGetInt64(out var id) ? id : null;

    public async Task<UpdateOutcome> HandleAsync(long updateId, Update? update, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            var key = updateId.ToString(CultureInfo.InvariantCulture);
            if (await store.IsHandledAsync(Channel, key, ct)) return UpdateOutcome.Duplicate;

            var plan = update is null ? Plan.Nothing : await PlanAsync(update, key, ct);
            if (!await store.CommitAsync(Channel, key, updateId, plan.Drafts, plan.Buttons, ct))
                return UpdateOutcome.Duplicate;
            if (plan.Drafts.Count == 0) return UpdateOutcome.Ignored;
            if (plan.Drafts.Any(d => d.Channel is null)) outbox.Wake();
            others.Wake(plan.Drafts);
            return UpdateOutcome.Answered;
        }
        finally
        {
            _one.Release();
        }
    }

    private sealed record Plan(IReadOnlyList<OutboxDraft> Drafts, IReadOnlyDictionary<string, string> Buttons)
    {
        public static readonly Plan Nothing = new([], new Dictionary<string, string>());
    }

    private async Task<Plan> PlanAsync(Update update, string key, CancellationToken ct)
    {
        long? chat = null;
        try
        {
            switch (update)
            {
                case { Message: { } m }:
                    chat = m.Chat.Id;
                    return await PlanMessageAsync(m, key, ct);
                case { CallbackQuery: { } q }:
                    chat = q.Message?.Chat.Id ?? q.From.Id;
                    return await PlanCallbackAsync(q, key, ct);
                default:
                    return Plan.Nothing; // edits, channel posts, member changes: nothing to say
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Update {Key} gagal diproses", key);
            return chat is { } c ? await RenderAsync(c, null, new TurnResult(new Reply(ApologyReply)), ct: ct) : Plan.Nothing;
        }
    }

    private async Task<Plan> PlanMessageAsync(Message m, string key, CancellationToken ct)
    {
        if (m.From is not { IsBot: false } from) return Plan.Nothing;
        var isPrivate = m.Chat.Type == ChatType.Private;
        var text = m.Text ?? m.Caption;
        int? replyTo = null;
        if (!isPrivate)
        {
            text = Addressed(m, text);
            if (text is null) return Plan.Nothing; // group chatter not meant for the bot
            replyTo = m.MessageId;
        }
        IncomingFile? file = null;
        if (isPrivate && m.Document is { } document)
        {
            // A document in a private chat is an admin's new IKI document: "/impor" (the caption is ignored).
            text = "/impor";
            file = new IncomingFile(document.FileName ?? "dokumen", document.FileSize ?? 0, async t =>
            {
                using var stream = new MemoryStream();
                await bot.GetInfoAndDownloadFile(document.FileId, stream, t);
                return stream.ToArray();
            });
        }
        if (string.IsNullOrWhiteSpace(text))
            return await RenderAsync(m.Chat.Id, replyTo, new TurnResult(new Reply(NonTextReply)), ct: ct);

        Typing(m.Chat.Id);
        var incoming = new Incoming(Channel, from.Id.ToString(CultureInfo.InvariantCulture), Name(from), key, text,
            When(m.Date), isPrivate, file);
        return await RenderAsync(m.Chat.Id, replyTo, await ConverseAsync(incoming, ct), ct: ct);
    }

    private async Task<Plan> PlanCallbackAsync(CallbackQuery q, string key, CancellationToken ct)
    {
        await AnswerCallbackAsync(q.Id, ct);
        var chat = q.Message?.Chat;
        var chatId = chat?.Id ?? q.From.Id;
        var isPrivate = chat is null || chat.Type == ChatType.Private;
        // Clear the pressed keyboard after the answer has gone, so the answer is not held back by the chat's rate.
        var clear = q.Message is { MessageId: > 0 } pressed
            ? new TelegramSend { Kind = TelegramSend.ClearKeyboard, MessageId = pressed.MessageId }
            : null;

        var payload = q.Data;
        if (payload is not null && payload.StartsWith(TelegramRenderer.StoredPrefix))
            payload = await store.FindButtonPayloadAsync(payload, ct);
        TurnResult result;
        if (string.IsNullOrWhiteSpace(payload))
            result = new TurnResult(new Reply(ExpiredButtonReply));
        else
        {
            Typing(chatId);
            var incoming = new Incoming(Channel, q.From.Id.ToString(CultureInfo.InvariantCulture), Name(q.From), key,
                payload, time.GetUtcNow(), isPrivate);
            result = await ConverseAsync(incoming, ct);
        }
        return await RenderAsync(chatId, null, result, clear, ct);
    }

    /// <summary>The conversation, tried a few times; if it keeps failing the user is told so rather than left waiting.</summary>
    private async Task<TurnResult> ConverseAsync(Incoming incoming, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await engine.HandleAsync(incoming, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (attempt < options.HandleAttempts)
            {
                log.LogWarning(e, "Percakapan gagal untuk update {Key} (percobaan {Attempt})", incoming.MessageId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, ct);
            }
            catch (Exception e)
            {
                log.LogError(e, "Percakapan gagal untuk update {Key}; pengguna diberi tahu", incoming.MessageId);
                return new TurnResult(new Reply(ApologyReply));
            }
        }
    }

    /// <summary>
    /// Replies to the chat, then messages for other users (an admin asked to approve) rendered by their own channel's
    /// renderer, Telegram or another channel this process runs, into that channel's outbox.
    /// </summary>
    private async Task<Plan> RenderAsync(long chatId, int? replyTo, TurnResult result, TelegramSend? after = null, CancellationToken ct = default)
    {
        var renderer = new TelegramRenderer();
        var drafts = new List<OutboxDraft>();
        var chat = chatId.ToString(CultureInfo.InvariantCulture);
        var first = true;
        foreach (var reply in result.Replies)
        {
            foreach (var r in renderer.Render(reply, first ? replyTo : null))
                drafts.Add(new OutboxDraft(chat, r.Send.ToJson(), r.File));
            first = false;
        }
        if (after is not null) drafts.Add(new OutboxDraft(chat, after.ToJson()));
        var elsewhere = await others.RenderAsync(result.Others, other =>
            log.LogWarning("Pesan untuk {Channel}:{User} tidak dapat dikirim dari sini (kanal tidak berjalan atau pengguna tidak dikenal)",
                other.Channel, other.UserId), ct);
        drafts.AddRange(elsewhere.Drafts);
        var buttons = new Dictionary<string, string>(renderer.StoredPayloads);
        foreach (var (id, payload) in elsewhere.Buttons) buttons[id] = payload;
        return new Plan(drafts, buttons);
    }

    /// <summary>
    /// In a group: the text meant for the bot, or null when the message is not for it. Commands (without @ or with
    /// this bot's @), messages that mention the bot (the mention taken out), and replies to the bot's messages count.
    /// </summary>
    private string? Addressed(Message m, string? text)
    {
        var repliesToBot = m.ReplyToMessage?.From?.Id is { } to && to == me.Id && me.Id != 0;
        if (text is null) return repliesToBot ? "" : null;
        var t = text.TrimStart();
        if (t.StartsWith('/'))
        {
            var command = t.Split([' ', '\n', '\t'], 2)[0];
            var at = command.IndexOf('@');
            return at < 0 || string.Equals(command[(at + 1)..], me.Username, StringComparison.OrdinalIgnoreCase) ? t : null;
        }
        if (me.Username is { Length: > 0 } name && t.Contains("@" + name, StringComparison.OrdinalIgnoreCase))
            return Regex.Replace(t, "@" + Regex.Escape(name) + @"\b", " ", RegexOptions.IgnoreCase).Trim(' ', ',', ':', '\n');
        return repliesToBot ? t : null;
    }

    private async Task AnswerCallbackAsync(string id, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await bot.AnswerCallbackQuery(id, cancellationToken: timeout.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("answerCallbackQuery {Id} gagal: {Error}", id, TelegramErrors.Describe(e));
        }
    }

    /// <summary>"typing…" while the bot works: at most one every 4 seconds per chat, never waited for, failures ignored.</summary>
    private void Typing(long chatId)
    {
        var now = time.GetTimestamp();
        if (_typingSent.TryGetValue(chatId, out var last) && time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(4)) return;
        _typingSent[chatId] = now;
        if (_typingSent.Count > 10_000) _typingSent.Clear();
        _ = Task.Run(async () =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await bot.SendChatAction(chatId, ChatAction.Typing, cancellationToken: timeout.Token);
            }
            catch (Exception e)
            {
                log.LogDebug("sendChatAction gagal: {Error}", TelegramErrors.Describe(e));
            }
        });
    }

    private DateTimeOffset When(DateTime date) =>
        date.Year < 2000 ? time.GetUtcNow() : new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc));

    private static string Name(User u)
    {
        var name = $"{u.FirstName} {u.LastName}".Trim();
        return name.Length > 0 ? name : u.Username ?? u.Id.ToString(CultureInfo.InvariantCulture);
    }

    private static string Shorten(string s) => s.Length > 200 ? s[..200] + "…" : s;
}
