using System.Text.Json;
using System.Text.Json.Nodes;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>
/// One connector call the outbox will make, as stored in <c>OutboxMessage.Payload</c>: where (the conversation
/// reference), what (the activity body), and how (post a new activity, or update one already sent).
/// </summary>
public sealed record TeamsSend
{
    public const string Post = "post", Update = "update";

    public required string Kind { get; init; }
    public required string ServiceUrl { get; init; }
    public required string ConversationId { get; init; }
    public required string BotId { get; init; }
    public string? BotName { get; init; }
    public required string UserId { get; init; }
    public string? TenantId { get; init; }
    /// <summary>Post: the user's activity this answers (null for a proactive message). Update: the activity to replace.</summary>
    public string? ActivityId { get; init; }
    /// <summary>The activity without from/recipient/conversation (the outbox adds them).</summary>
    public required JsonObject Activity { get; init; }
    /// <summary>The row's file (OutboxMessage.File) is shown through a short-lived download link made at send time.</summary>
    public string? FileName { get; init; }
    public string? ContentType { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, TeamsJson.Options);

    public static TeamsSend FromJson(string json) =>
        JsonSerializer.Deserialize<TeamsSend>(json, TeamsJson.Options) ?? throw new InvalidOperationException("Empty outbox payload.");
}

/// <summary>Where a conversation lives: enough to post into it (reply or proactive).</summary>
public sealed record TeamsAddress(string ServiceUrl, string ConversationId, string BotId, string? BotName, string UserId, string? TenantId)
{
    public TeamsSend Post(JsonObject activity, string? replyTo = null, string? fileName = null, string? contentType = null) => new()
    {
        Kind = TeamsSend.Post, ServiceUrl = ServiceUrl, ConversationId = ConversationId, BotId = BotId, BotName = BotName,
        UserId = UserId, TenantId = TenantId, ActivityId = replyTo, Activity = activity, FileName = fileName, ContentType = contentType,
    };

    public TeamsSend Update(string activityId, JsonObject activity) => new()
    {
        Kind = TeamsSend.Update, ServiceUrl = ServiceUrl, ConversationId = ConversationId, BotId = BotId, BotName = BotName,
        UserId = UserId, TenantId = TenantId, ActivityId = activityId, Activity = activity,
    };
}
