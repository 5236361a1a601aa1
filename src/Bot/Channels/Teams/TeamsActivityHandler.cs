using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IkiBot.Bot.Conversation;
using IkiBot.Data;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Channels.Teams;

public enum ActivityOutcome { Answered, Ignored, Duplicate, OtherTenant, Invalid }

/// <summary>What <c>POST /api/messages</c> answers: the outcome and, for an invoke, the body of the HTTP response.</summary>
public sealed record ActivityResult(ActivityOutcome Outcome, JsonObject? InvokeResponse = null);

/// <summary>
/// One activity in, its effects committed: keeps the conversation reference, turns a message (or a pressed card
/// button) into an <see cref="Incoming"/>, runs the conversation, renders the replies and commits them to the outbox
/// together with "this activity is handled", in one transaction. The user is keyed by from.aadObjectId (else from.id);
/// the same activity id, or a second press of the same card, is handled once. Installing the app greets once.
/// </summary>
public sealed partial class TeamsActivityHandler(
    ConversationEngine engine,
    TeamsConnector connector,
    ChannelDeliveryStore store,
    TeamsConversationStore conversations,
    TeamsOutbox outbox,
    DraftRenderers others,
    TeamsOptions options,
    TimeProvider time,
    ILogger<TeamsActivityHandler> log)
{
    public const string NonTextReply =
        "Maaf, saya hanya dapat membaca pesan teks. Ketik pertanyaan Anda, misalnya \"tugas kasi PHI\", atau /bantuan.";
    public const string ApologyReply =
        "Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.";
    public const string ExpiredButtonReply =
        "Tombol ini sudah tidak berlaku. Silakan ulangi pertanyaan Anda.";
    public const string InvokeAccepted = "Pilihan diterima.";

    private const string Channel = TeamsOptions.Channel;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly ConcurrentDictionary<string, long> _typingSent = new();

    public async Task<ActivityResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Type is null || activity.ServiceUrl is null || activity.Conversation?.Id is null ||
            activity.From?.Id is null || activity.Recipient?.Id is null)
            return new ActivityResult(ActivityOutcome.Invalid);
        if (options.TenantId is { } tenant && !string.Equals(activity.TenantId, tenant, StringComparison.OrdinalIgnoreCase))
        {
            log.LogWarning("Teams: aktivitas dari tenant lain ({Tenant}) ditolak", activity.TenantId ?? "-");
            return new ActivityResult(ActivityOutcome.OtherTenant);
        }

        var key = DedupKey(activity);
        await _one.WaitAsync(ct);
        try
        {
            if (await store.IsHandledAsync(Channel, key, ct)) return new ActivityResult(ActivityOutcome.Duplicate);
            var to = Address(activity);
            var userKey = UserKey(activity.From);
            if (IsPersonal(activity)) await SaveReferenceAsync(activity, userKey, ct);

            var buttons = new Dictionary<string, string>();
            var (drafts, invoke) = activity.Type switch
            {
                Activity.Types.Message => (await PlanMessageAsync(activity, to, userKey, key, buttons, ct), null),
                Activity.Types.Invoke => await PlanInvokeAsync(activity, to, userKey, key, buttons, ct),
                Activity.Types.ConversationUpdate or Activity.Types.InstallationUpdate => (await PlanInstallAsync(activity, to, userKey, ct), null),
                _ => ([], null),
            };
            if (!await store.CommitAsync(Channel, key, null, drafts, buttons, ct)) return new ActivityResult(ActivityOutcome.Duplicate);
            if (drafts.Any(d => d.Channel is null)) outbox.Wake();
            others.Wake(drafts);
            return new ActivityResult(drafts.Count > 0 ? ActivityOutcome.Answered : ActivityOutcome.Ignored, invoke);
        }
        finally { _one.Release(); }
    }

    /// <summary>A press of a card counts once per card (replyToId), whatever activity id it comes with; everything else per activity id.</summary>
    private static string DedupKey(Activity a)
    {
        if (a.Type == Activity.Types.Message && a.Value is { ValueKind: JsonValueKind.Object } && a.ReplyToId is { Length: > 0 } card)
            return $"card:{a.Conversation!.Id}:{card}";
        if (a.Type == Activity.Types.Invoke && a.ReplyToId is { Length: > 0 } invoked)
            return $"card:{a.Conversation!.Id}:{invoked}";
        return a.Id is { Length: > 0 } id ? $"{a.Conversation!.Id}:{id}" : $"noid:{Guid.NewGuid():N}";
    }

    public static string UserKey(ChannelAccount from) => string.IsNullOrWhiteSpace(from.AadObjectId) ? from.Id! : from.AadObjectId!;

    private static bool IsPersonal(Activity a) => a.Conversation!.ConversationType is null or "personal" && a.Conversation.IsGroup != true;

    private static TeamsAddress Address(Activity a) =>
        new(a.ServiceUrl!, a.Conversation!.Id!, a.Recipient!.Id!, a.Recipient.Name, a.From!.Id!, a.TenantId);

    private async Task SaveReferenceAsync(Activity a, string userKey, CancellationToken ct)
    {
        if (a.From!.Role == "bot") return;
        // A membersAdded that only lists the bot still comes from the user's conversation.
        await conversations.SaveAsync(new TeamsConversation
        {
            UserKey = userKey, TeamsUserId = a.From.Id!, ServiceUrl = a.ServiceUrl!, ConversationId = a.Conversation!.Id!,
            BotId = a.Recipient!.Id!, BotName = a.Recipient.Name, TenantId = a.TenantId, ChannelId = a.ChannelId,
        }, ct);
    }

    private async Task<List<OutboxDraft>> PlanMessageAsync(Activity a, TeamsAddress to, string userKey, string key,
        Dictionary<string, string> buttons, CancellationToken ct)
    {
        var drafts = new List<OutboxDraft>();
        string? text;
        if (a.Value is { ValueKind: JsonValueKind.Object } value)
        {
            // A pressed Action.Submit: the card is replaced by what was chosen, so it cannot be pressed again.
            text = Read(value, TeamsRenderer.PayloadKey);
            if (a.ReplyToId is { Length: > 0 } card)
                drafts.Add(Draft(to.Update(card, TeamsRenderer.PressedCard(Read(value, TeamsRenderer.LabelKey)))));
            if (string.IsNullOrWhiteSpace(text))
            {
                drafts.AddRange(Render(to, a.Id, new TurnResult(new Reply(ExpiredButtonReply))));
                return drafts;
            }
        }
        else
        {
            text = CleanText(a.Text);
            if (string.IsNullOrWhiteSpace(text))
                return Render(to, a.Id, new TurnResult(new Reply(NonTextReply)));
        }

        Typing(to);
        var incoming = new Incoming(Channel, userKey, a.From!.Name ?? userKey, key, text, When(a), IsPersonal(a));
        drafts.AddRange(await RenderAsync(to, a.Id, await ConverseAsync(incoming, ct), buttons, ct));
        return drafts;
    }

    private async Task<(List<OutboxDraft>, JsonObject?)> PlanInvokeAsync(Activity a, TeamsAddress to, string userKey, string key,
        Dictionary<string, string> buttons, CancellationToken ct)
    {
        var response = new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = InvokeAccepted };
        if (a.Name != "adaptiveCard/action" || a.Value is not { ValueKind: JsonValueKind.Object } value ||
            !value.TryGetProperty("action", out var action) || !action.TryGetProperty("data", out var data) ||
            Read(data, TeamsRenderer.PayloadKey) is not { Length: > 0 } payload)
            return ([], new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = ExpiredButtonReply });
        var drafts = new List<OutboxDraft>();
        if (a.ReplyToId is { Length: > 0 } card)
            drafts.Add(Draft(to.Update(card, TeamsRenderer.PressedCard(Read(data, TeamsRenderer.LabelKey)))));
        var incoming = new Incoming(Channel, userKey, a.From!.Name ?? userKey, key, payload, When(a), IsPersonal(a));
        drafts.AddRange(await RenderAsync(to, null, await ConverseAsync(incoming, ct), buttons, ct));
        return (drafts, response);
    }

    private async Task<List<OutboxDraft>> PlanInstallAsync(Activity a, TeamsAddress to, string userKey, CancellationToken ct)
    {
        var installed = a.Type == Activity.Types.InstallationUpdate
            ? a.Action is "add" or "add-upgrade"
            : a.MembersAdded?.Any(m => m.Id == a.Recipient!.Id) == true;
        if (!installed || !IsPersonal(a)) return [];
        if (!await conversations.TryMarkGreetedAsync(userKey, ct)) return [];
        return Render(to, null, new TurnResult(new Reply(ConversationEngine.Welcome())));
    }

    /// <summary>The conversation, tried a few times; if it keeps failing the user is told so rather than left waiting.</summary>
    private async Task<TurnResult> ConverseAsync(Incoming incoming, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await engine.HandleAsync(incoming, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
            catch (Exception e) when (attempt < options.HandleAttempts)
            {
                log.LogWarning(e, "Percakapan gagal untuk aktivitas {Key} (percobaan {Attempt})", incoming.MessageId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, ct);
            }
            catch (Exception e)
            {
                log.LogError(e, "Percakapan gagal untuk aktivitas {Key}; pengguna diberi tahu", incoming.MessageId);
                return new TurnResult(new Reply(ApologyReply));
            }
        }
    }

    private static List<OutboxDraft> Render(TeamsAddress to, string? replyTo, TurnResult result)
    {
        var drafts = new List<OutboxDraft>();
        foreach (var reply in result.Replies)
            foreach (var r in TeamsRenderer.Render(reply, to, drafts.Count == 0 ? replyTo : null))
                drafts.Add(Draft(r.Send, r.File));
        return drafts;
    }

    /// <summary>
    /// Replies to the sender, and messages for other users (an admin asked to approve) rendered by their own channel's
    /// renderer, Teams or another channel this process runs, into that channel's outbox.
    /// </summary>
    private async Task<List<OutboxDraft>> RenderAsync(TeamsAddress to, string? replyTo, TurnResult result,
        Dictionary<string, string> buttons, CancellationToken ct)
    {
        var drafts = Render(to, replyTo, new TurnResult(result.Replies, []));
        var elsewhere = await others.RenderAsync(result.Others, other =>
            log.LogWarning("Pesan untuk {Channel}:{User} tidak dapat dikirim dari sini (kanal tidak berjalan atau tidak ada percakapan tersimpan)",
                other.Channel, other.UserId), ct);
        drafts.AddRange(elsewhere.Drafts);
        foreach (var (id, payload) in elsewhere.Buttons) buttons[id] = payload;
        return drafts;
    }

    public static TeamsAddress AddressOf(TeamsConversation c) =>
        new(c.ServiceUrl, c.ConversationId, c.BotId, c.BotName, c.TeamsUserId, c.TenantId);

    public static OutboxDraft Draft(TeamsSend send, byte[]? file = null) => new(send.ConversationId, send.ToJson(), file);

    /// <summary>"typing…" while the bot works: at most one every 3 seconds per conversation, never waited for, failures ignored.</summary>
    private void Typing(TeamsAddress to)
    {
        var now = time.GetTimestamp();
        if (_typingSent.TryGetValue(to.ConversationId, out var last) && time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(3)) return;
        _typingSent[to.ConversationId] = now;
        if (_typingSent.Count > 10_000) _typingSent.Clear();
        _ = Task.Run(async () =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await connector.TypingAsync(to, timeout.Token);
            }
            catch (Exception e) { log.LogDebug("typing gagal: {Error}", e.Message); }
        });
    }

    private DateTimeOffset When(Activity a) =>
        DateTimeOffset.TryParse(a.Timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at : time.GetUtcNow();

    private static string? Read(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The typed text: mentions of the bot (&lt;at&gt;…&lt;/at&gt;) and any HTML Teams added taken out, entities decoded.</summary>
    public static string? CleanText(string? text)
    {
        if (text is null) return null;
        var t = Mention().Replace(text, " ");
        if (t.Contains('<')) t = Tag().Replace(t.Replace("<br>", "\n").Replace("<br/>", "\n").Replace("</p>", "\n"), "");
        return WebUtility.HtmlDecode(t).Trim();
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    [GeneratedRegex("</?[a-zA-Z][^<>]*>")]
    private static partial Regex Tag();
}
