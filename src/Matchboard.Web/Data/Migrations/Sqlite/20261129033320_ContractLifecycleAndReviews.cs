using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractLifecycleAndReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contracts_TaskId",
                table: "Contracts");

            migrationBuilder.AddColumn<string>(
                name: "AssociationContactEmail",
                table: "Contracts",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssociationContactName",
                table: "Contracts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssociationContactPhone",
                table: "Contracts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AwardWithdrawalReason",
                table: "Contracts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AwardWithdrawnAt",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangesRequestReason",
                table: "Contracts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangesRequestedAt",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CompletedAutomatically",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "DeliveredAt",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryNote",
                table: "Contracts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Insurance",
                table: "Contracts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentNote",
                table: "Contracts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentTiming",
                table: "Contracts",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderContactEmail",
                table: "Contracts",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderContactName",
                table: "Contracts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderContactPhone",
                table: "Contracts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SignBy",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "TerminatedById",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TerminationReason",
                table: "Contracts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VisitsMade",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VisitsPlanned",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<int>(type: "INTEGER", nullable: false),
                    RevieweeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reviews_Organizations_RevieweeId",
                        column: x => x.RevieweeId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_Organizations_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_OneContractPerTask",
                table: "Contracts",
                column: "TaskId",
                unique: true,
                filter: "\"Status\" <> 'AwardWithdrawn'");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_Status",
                table: "Contracts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ContractId_ReviewerId",
                table: "Reviews",
                columns: new[] { "ContractId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_RevieweeId",
                table: "Reviews",
                column: "RevieweeId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ReviewerId",
                table: "Reviews",
                column: "ReviewerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_OneContractPerTask",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_Status",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "AssociationContactEmail",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "AssociationContactName",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "AssociationContactPhone",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "AwardWithdrawalReason",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "AwardWithdrawnAt",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ChangesRequestReason",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ChangesRequestedAt",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "CompletedAutomatically",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "DeliveryNote",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Insurance",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "PaymentNote",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "PaymentTiming",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ProviderContactEmail",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ProviderContactName",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ProviderContactPhone",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "SignBy",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "TerminatedById",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "TerminationReason",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "VisitsMade",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "VisitsPlanned",
                table: "Contracts");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_TaskId",
                table: "Contracts",
                column: "TaskId",
                unique: true);
        }
    }
}
