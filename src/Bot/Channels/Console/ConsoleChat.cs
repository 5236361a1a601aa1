using IkiBot.Bot.Conversation;

namespace IkiBot.Bot.Channels.Console;

/// <summary>The terminal as a chat channel: one line in, the replies out, choices numbered.</summary>
public sealed class ConsoleChat(ConversationEngine engine, TextReader input, TextWriter output, TimeProvider time, string? outDir = null)
{
    public const string Channel = "console";
    public const string Apology = "Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi.";

    /// <summary>The id the terminal user has in the database (channel "console"): the OS user name.</summary>
    public static string UserId => Environment.UserName is { Length: > 0 } name ? name : "lokal";
    private readonly string _user = UserId;

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
            TurnResult result;
            try
            {
                result = await engine.HandleAsync(new Incoming(Channel, _user, _user, id, line, time.GetUtcNow()), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // No input may end the chat: the user gets an apology, the detail goes to stderr.
                System.Console.Error.WriteLine($"[galat] {e.GetType().Name}: {e.Message}");
                result = new TurnResult(new Reply(Apology));
            }
            foreach (var reply in result.Replies) output.WriteLine(Render(SaveFile(reply)));
        }
        return 0;
    }

    /// <summary>A reply's file (an export, a chart) is written to the output folder and its path added to the text.</summary>
    private Reply SaveFile(Reply reply)
    {
        if (reply.File is not { } file) return reply;
        try
        {
            var folder = Path.GetFullPath(outDir ?? Directory.GetCurrentDirectory());
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, Path.GetFileName(file.FileName));
            File.WriteAllBytes(path, file.Content);
            return reply with { Text = $"{reply.Text}\nBerkas disimpan: {path}" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return reply with { Text = $"{reply.Text}\nBerkas tidak dapat disimpan ({e.Message})." };
        }
    }

    public static string Render(Reply reply)
    {
        var text = reply.Text.Replace("*", "");
        if (reply.Choices.Count == 0 || reply.ChoicesInText) return text;
        var numbered = reply.Choices.Select((c, i) => $"  {i + 1}. {c.Label}");
        return text + "\nPilihan (ketik nomornya):\n" + string.Join("\n", numbered);
    }
}
