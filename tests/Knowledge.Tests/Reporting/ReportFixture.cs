using IkiBot.Knowledge.Reporting;

namespace IkiBot.Knowledge.Tests.Reporting;

/// <summary>One knowledge base and interpreter for all reporting tests (building the index takes a moment).</summary>
public sealed class ReportFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(7));

    public ReportFixture()
    {
        Knowledge = IkiKnowledge.LoadBundled();
        Interpreter = new ReportInterpreter(Knowledge);
    }

    public IkiKnowledge Knowledge { get; }
    public ReportInterpreter Interpreter { get; }

    public ReportDecision Read(string jabatan, string text, DateTimeOffset? now = null) =>
        Interpreter.Interpret(jabatan, text, now ?? Now);

    public void Dispose() => Knowledge.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<ReportFixture>
{
    public const string Name = "reporting";
}
