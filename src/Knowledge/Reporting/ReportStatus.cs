namespace IkiBot.Knowledge.Reporting;

/// <summary>What to do with a report message: store it, ask which row is meant, or store nothing and say why.</summary>
public enum ReportStatus { Ok, Clarify, Reject }
