using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BidDecidedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "Bids",
                type: "INTEGER",
                nullable: true);

            // Before this column an award wrote its time into UpdatedAt: that time is the decision's.
            migrationBuilder.Sql(
                "UPDATE \"Bids\" SET \"DecidedAt\" = \"UpdatedAt\" WHERE \"Status\" IN ('Accepted', 'Rejected', 'AwardWithdrawn');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Bids");
        }
    }
}
