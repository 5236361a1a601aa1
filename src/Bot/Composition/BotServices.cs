using IkiBot.Bot.Cli;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Conversation.Reporting;
using IkiBot.Bot.Conversation.Supervision;
using IkiBot.Bot.Editing;
using IkiBot.Bot.Supervision;
using IkiBot.Data;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Reporting;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Composition;

/// <summary>Everything the bot runs on, built once from the settings: knowledge, database, stores, conversation.</summary>
public sealed class BotServices : IDisposable
{
    public BotServices(BotSettings settings, TimeProvider time, bool quiet = false)
    {
        Settings = settings;
        Time = time;
        Database = settings.OpenDatabase();
        KnowledgeStore = new KnowledgeVersionStore(Database, time);
        var (document, versionId, _, _) = KnowledgeVersions.LoadAsync(KnowledgeStore, new IndikatorKeyMapping(Database, time),
            () => KnowledgeLoader.LoadDocument(settings, quiet), KnowledgeLoader.SourceOf(settings)).GetAwaiter().GetResult();
        Knowledge = new IkiKnowledge(document.ToKnowledgeBase(), settings.Atasan);
        Versions = new KnowledgeVersions(Knowledge, KnowledgeStore, document, versionId);
        Users = new PenggunaStore(Database, time);
        Realisasi = new RealisasiStore(Database, time);
        Targets = new TargetStore(Database, time);
        ProcessedMessages = new ProcessedMessageStore(Database, time);
        Reports = new ReportInterpreter(Knowledge, new ReportOptions { MaxValue = settings.MaxValue, ClosedAfterMonths = settings.ClosedAfterMonths });
        Recorder = new RealisasiRecorder(Realisasi);
        Desk = new ReportDesk(Knowledge, Reports, Users, Realisasi, Recorder, Targets, time, new ReportDeskOptions { Admins = settings.Admins });
        Reminders = new ReminderStore(Database, time);
        Rekap = new RekapBuilder(Knowledge, Realisasi, Targets, Users, time);
        Planner = new ReminderPlanner(Knowledge, Users, Reminders, Rekap, new ReportExamples(Knowledge, Reports));
        Supervision = new SupervisorDesk(Knowledge, Users, Reminders, Rekap, Reports, ReminderSchedule.For(settings.Reminders), time);
        var admins = new AdminGate(Users, settings.Admins);
        Editing = new KbEditDesk(Versions, admins, time);
        AnswerImprovement = new AnswerImprovementDesk(Knowledge, new AnswerImprovementStore(Database, time), admins, time);
        AnswerImprovement.LoadAsync().GetAwaiter().GetResult();
        Engine = new ConversationEngine(Knowledge, Desk, new CommandDesks(Supervision, Editing, AnswerImprovement, new KbFileImportDesk(new KbImport(Versions), admins)), AnswerImprovement, new CommandGate(Users));
        foreach (var (bawahan, atasan) in settings.Atasan)
            if (!quiet && (Knowledge.Kb.Find(bawahan) is null || Knowledge.Kb.Find(atasan) is null))
                Console.Error.WriteLine($"Peringatan: Struktur:Atasan \"{bawahan}\" -> \"{atasan}\" diabaikan (nama jabatan tidak ada di dokumen IKI).");
    }

    public BotSettings Settings { get; }
    public TimeProvider Time { get; }
    public IkiKnowledge Knowledge { get; }
    public IkiDbContextFactory Database { get; }
    public KnowledgeVersionStore KnowledgeStore { get; }
    public KnowledgeVersions Versions { get; }
    public PenggunaStore Users { get; }
    public RealisasiStore Realisasi { get; }
    public TargetStore Targets { get; }
    public ProcessedMessageStore ProcessedMessages { get; }
    public ReportInterpreter Reports { get; }
    public RealisasiRecorder Recorder { get; }
    public ReportDesk Desk { get; }
    public ConversationEngine Engine { get; }
    public ReminderStore Reminders { get; }
    public RekapBuilder Rekap { get; }
    public ReminderPlanner Planner { get; }
    public SupervisorDesk Supervision { get; }
    public KbEditDesk Editing { get; }
    public AnswerImprovementDesk AnswerImprovement { get; }

    /// <summary>The reminder/digest runner over a channel's sender (the Telegram adapter's outgoing queue, or a recorder in tests).</summary>
    public ReminderRunner CreateReminderRunner(IOutgoingSender sender) => new(Planner, Reminders, sender, Time, Settings.Reminders);

    /// <summary>
    /// The scheduler loop to add to the host next to the channel that sends (IHostedService); with an
    /// <paramref name="election"/> on a shared database it runs on the replica that holds the sender lease.
    /// </summary>
    public ReminderService CreateReminderService(IOutgoingSender sender, ILogger<ReminderService>? logger = null,
        Hosting.SenderElection? election = null) =>
        new(CreateReminderRunner(sender), Time, logger, election);

    public void Dispose()
    {
        Knowledge.Dispose();
        Database.ReleaseConnections();
    }
}
