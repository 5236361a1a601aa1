namespace IkiBot.Data;

/// <summary>The setting Database:Provider: <c>sqlite</c> (default, one file) or <c>postgres</c> (Database:ConnectionString).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
