using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchboard.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BidDisclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BidsOpenedAt",
                table: "Tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BidsRevealedAt",
                table: "Tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "Tasks",
                type: "timestamp with time zone",
                nullable: true);
            // Tasks already past their deadline had their bids opened then; decided ones made them public.
            migrationBuilder.Sql("UPDATE \"Tasks\" SET \"BidsOpenedAt\" = \"BidDeadline\" WHERE \"Status\" IN ('Closed', 'Awarded', 'Unawarded');");
            migrationBuilder.Sql("UPDATE \"Tasks\" SET \"BidsRevealedAt\" = COALESCE(\"AwardedAt\", \"BidDeadline\") WHERE \"Status\" IN ('Awarded', 'Unawarded');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BidsOpenedAt",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "BidsRevealedAt",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Tasks");
        }
    }
}
