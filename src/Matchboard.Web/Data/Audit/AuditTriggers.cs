namespace Matchboard.Web.Data.Audit;

/// <summary>
/// The database's own refusal to change the log: triggers that make UPDATE and DELETE (and on PostgreSQL TRUNCATE)
/// fail on both audit tables. Created by the migrations; named here so the tamper test can drop them, as someone
/// holding the database could.
/// </summary>
public static class AuditTriggers
{
    public static readonly string[] Tables = ["AuditEntries", "AuditSeals"];

    public static string SqliteCreate(string table) => $"""
        CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}" BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        CREATE TRIGGER "{table}_no_delete" BEFORE DELETE ON "{table}" BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        """;

    public static string SqliteDrop(string table) => $"""
        DROP TRIGGER IF EXISTS "{table}_no_update";
        DROP TRIGGER IF EXISTS "{table}_no_delete";
        """;

    public const string PostgresFunction = """
        CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
        END
        $$;
        """;

    public static string PostgresCreate(string table) => $"""
        CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
        """;

    public static string PostgresDrop(string table) => $"""
        DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}";
        DROP TRIGGER IF EXISTS "{table}_no_truncate" ON "{table}";
        """;
}
