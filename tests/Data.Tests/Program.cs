using System.Diagnostics;

namespace IkiBot.Data.Tests;

/// <summary>
/// Lets this test assembly act as a child process (<c>dotnet IkiBot.Data.Tests.dll report-then-die DB MSGID</c>)
/// for <see cref="DurabilityTests"/>. The test runner never calls Main.
/// </summary>
public static class Program
{
    public const string ReportThenDie = "report-then-die";

    public static int Main(string[] args)
    {
        if (args is [ReportThenDie, var path, var messageId])
        {
            var factory = Database.Open(path);
            var time = TimeProvider.System;
            var user = new PenggunaStore(factory, time)
                .RegisterAsync("telegram", "child", "Child", TempDatabase.Jabatan, Peran.Staf, StatusPengguna.Aktif)
                .GetAwaiter().GetResult();
            var result = new RealisasiStore(factory, time)
                .AddAsync(TempDatabase.Report(user.Id, messageId, 7))
                .GetAwaiter().GetResult();

            Console.Out.WriteLine($"committed {result.Entry.Id}");
            Console.Out.Flush();
            // SIGKILL on ourselves: no disposal, no pool clearing, no WAL checkpoint, no finalizers.
            Process.GetCurrentProcess().Kill();
            Thread.Sleep(Timeout.Infinite);
        }

        Console.Error.WriteLine($"usage: {ReportThenDie} <db path> <message id>");
        return 2;
    }
}
