using IkiBot.Bot.Conversation;

namespace IkiBot.Bot.Channels.Console;

/// <summary>The terminal as a chat channel: one line in, the replies out, choices numbered.</summary>
public sealed class ConsoleChat(ConversationEngine engine, TextReader input, TextWriter output, TimeProvider time)
{
    public const string Channel = "console";
    private readonly string _user = Environment.UserName is { Length: > 0 } name ? name : "lokal";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        output.WriteLine(Render(new Reply(ConversationEngine.Welcome())));
        output.WriteLine("(ketik /keluar untuk berhenti)");
        var sequence = 0;
        while (!ct.IsCancellationRequested)
        {
            output.Write("> ");
            var line = await input.ReadLineAsync(ct);
            if (line is null || line.Trim() is "/keluar" or "/exit" or "/quit") break;
            if (line.Trim().Length == 0) continue;
            // Unique per process and start time, so a restart never reuses a message id.
            var id = $"{time.GetUtcNow().ToUnixTimeMilliseconds()}-{Environment.ProcessId}-{++sequence}";
            var result = await engine.HandleAsync(new Incoming(Channel, _user, _user, id, line, time.GetUtcNow()), ct);
            foreach (var reply in result.Replies) output.WriteLine(Render(reply));
        }
        return 0;
    }

    public static string Render(Reply reply)
    {
        var text = reply.Text.Replace("*", "");
        if (reply.Choices.Count == 0 || reply.ChoicesInText) return text;
        var numbered = reply.Choices.Select((c, i) => $"  {i + 1}. {c.Label}");
        return text + "\nPilihan (ketik nomornya):\n" + string.Join("\n", numbered);
    }
}
