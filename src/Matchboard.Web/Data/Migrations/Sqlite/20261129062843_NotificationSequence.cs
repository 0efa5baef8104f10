using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchboard.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Notifications numbered per organization from a counter row (NotificationCounter) instead of by global row id.
    /// Written by hand so that no row is lost or renumbered out of order: the old global sequence becomes the row's
    /// id (a rename, no table rebuild), each organization's rows are numbered 1..n in the order of their old numbers,
    /// and each organization's counter starts at its n (0 for none).
    /// </summary>
    public partial class NotificationSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_OrganizationId_Sequence",
                table: "Notifications");

            migrationBuilder.RenameColumn(
                name: "Sequence",
                table: "Notifications",
                newName: "Id");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("""
                UPDATE "Notifications" SET "Sequence" = numbered."Place"
                FROM (SELECT "Id", ROW_NUMBER() OVER (PARTITION BY "OrganizationId" ORDER BY "Id") AS "Place" FROM "Notifications") AS numbered
                WHERE numbered."Id" = "Notifications"."Id";
                """);

            migrationBuilder.CreateTable(
                name: "NotificationCounters",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationCounters", x => x.OrganizationId);
                    table.ForeignKey(
                        name: "FK_NotificationCounters_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""
                INSERT INTO "NotificationCounters" ("OrganizationId", "Last")
                SELECT o."Id", COALESCE((SELECT MAX(n."Sequence") FROM "Notifications" AS n WHERE n."OrganizationId" = o."Id"), 0)
                FROM "Organizations" AS o;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrganizationId_Sequence",
                table: "Notifications",
                columns: new[] { "OrganizationId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one global sequence: the row ids, which kept the old numbers and grew since.
            migrationBuilder.DropIndex(
                name: "IX_Notifications_OrganizationId_Sequence",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "NotificationCounters");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Notifications");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "Notifications",
                newName: "Sequence");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrganizationId_Sequence",
                table: "Notifications",
                columns: new[] { "OrganizationId", "Sequence" });
        }
    }
}
