using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchboard.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MatchKindIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Category_Ward_Status_BidDeadline",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_MatchKind",
                table: "Tasks",
                columns: new[] { "Category", "Ward", "Status", "CertificationRequired", "InsuranceRequired", "Id", "StartDate", "BidDeadline", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_MatchKind",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Category_Ward_Status_BidDeadline",
                table: "Tasks",
                columns: new[] { "Category", "Ward", "Status", "BidDeadline" });
        }
    }
}
