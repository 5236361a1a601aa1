using IkiBot.Bot.Cli;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Conversation.Reporting;
using IkiBot.Data;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Composition;

/// <summary>Everything the bot runs on, built once from the settings: knowledge, database, stores, conversation.</summary>
public sealed class BotServices : IDisposable
{
    public BotServices(BotSettings settings, TimeProvider time, bool quiet = false)
    {
        Settings = settings;
        Time = time;
        Knowledge = KnowledgeLoader.Load(settings, quiet);
        Database = IkiBot.Data.Database.Open(settings.DatabasePath);
        Users = new PenggunaStore(Database, time);
        Realisasi = new RealisasiStore(Database, time);
        Targets = new TargetStore(Database, time);
        ProcessedMessages = new ProcessedMessageStore(Database, time);
        Reports = new ReportInterpreter(Knowledge, new ReportOptions { MaxValue = settings.MaxValue, ClosedAfterMonths = settings.ClosedAfterMonths });
        Recorder = new RealisasiRecorder(Realisasi);
        Desk = new ReportDesk(Knowledge, Reports, Users, Realisasi, Recorder, Targets, time, new ReportDeskOptions { Admins = settings.Admins });
        Engine = new ConversationEngine(Knowledge, Desk);
    }

    public BotSettings Settings { get; }
    public TimeProvider Time { get; }
    public IkiKnowledge Knowledge { get; }
    public IkiDbContextFactory Database { get; }
    public PenggunaStore Users { get; }
    public RealisasiStore Realisasi { get; }
    public TargetStore Targets { get; }
    public ProcessedMessageStore ProcessedMessages { get; }
    public ReportInterpreter Reports { get; }
    public RealisasiRecorder Recorder { get; }
    public ReportDesk Desk { get; }
    public ConversationEngine Engine { get; }

    public void Dispose()
    {
        Knowledge.Dispose();
        Database.ReleaseConnections();
    }
}
