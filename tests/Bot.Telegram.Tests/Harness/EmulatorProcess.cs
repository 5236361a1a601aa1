using System.Diagnostics;

namespace IkiBot.Bot.Telegram.Tests.Harness;

/// <summary>
/// telegram-test-api 4.2.1 in a Node child process on 127.0.0.1, installed with npm ci from
/// tests/Bot.Telegram.Tests/emulator if needed (or beforehand by .ci/telegram-setup.sh).
/// Without node/npm the tests fail with a message saying so; they never pass silently.
/// </summary>
public sealed class EmulatorProcess : IDisposable
{
    private readonly Process _node;

    public string Url { get; }

    private EmulatorProcess(Process node, int port)
    {
        _node = node;
        Url = $"http://127.0.0.1:{port}";
    }

    public static string Folder => Path.Combine(Loopback.RepoRoot(), "tests", "Bot.Telegram.Tests", "emulator");

    public static EmulatorProcess Start()
    {
        var folder = Folder;
        var node = Which("node") ?? throw new InvalidOperationException(
            "Node.js is not installed, so the Telegram end-to-end tests cannot run the Bot API emulator " +
            "(telegram-test-api). Install Node 18+ and npm (apt-get install nodejs npm) and run bash .ci/telegram-setup.sh.");
        EnsureInstalled(folder);

        var start = new ProcessStartInfo(node, ["emulator.js"])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result is not { } line || !line.StartsWith("READY "))
        {
            var error = process.HasExited ? process.StandardError.ReadToEnd() : "(no READY line within 20 s)";
            try { process.Kill(entireProcessTree: true); } catch { }
            throw new InvalidOperationException("The Telegram emulator did not start: " + error);
        }
        return new EmulatorProcess(process, int.Parse(line["READY ".Length..]));
    }

    private static void EnsureInstalled(string folder)
    {
        if (File.Exists(Path.Combine(folder, "node_modules", "telegram-test-api", "package.json"))) return;
        var npm = Which("npm") ?? throw new InvalidOperationException(
            "npm is not installed, so telegram-test-api cannot be installed for the Telegram end-to-end tests. " +
            "Install npm (apt-get install npm) and run bash .ci/telegram-setup.sh.");
        using var lockFile = AcquireLock(Path.Combine(Path.GetTempPath(), "ikibot-telegram-npm.lock"));
        if (File.Exists(Path.Combine(folder, "node_modules", "telegram-test-api", "package.json"))) return;
        var psi = new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)) || p.ExitCode != 0)
            throw new InvalidOperationException($"npm ci for telegram-test-api failed in {folder}: {stderr.Result}");
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { Thread.Sleep(200); }
        }
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public void Dispose()
    {
        try
        {
            _node.StandardInput.Close();
            if (!_node.WaitForExit(3000)) _node.Kill(entireProcessTree: true);
        }
        catch { }
        _node.Dispose();
    }
}
