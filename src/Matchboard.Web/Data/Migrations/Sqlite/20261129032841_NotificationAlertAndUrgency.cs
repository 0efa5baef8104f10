using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationAlertAndUrgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AlertId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsUrgent",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AlertId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "IsUrgent",
                table: "Notifications");
        }
    }
}
