using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WatchOverWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contracts_TaskId",
                table: "Contracts");

            migrationBuilder.AddColumn<int>(
                name: "VisitWeekdays",
                table: "Tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

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

            // Contracts awarded before signing deadlines existed get the default one: seven days after the award
            // (UTC ticks, as the converter stores every instant).
            migrationBuilder.Sql("UPDATE \"Contracts\" SET \"SignBy\" = \"CreatedAt\" + 6048000000000;");

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
                name: "VisitsMade",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VisitsPlanned",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailNotifications",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ConsentDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsentMethod = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    VisitorName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "PlannedVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OriginalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProposedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MissedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedVisits_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlannedVisits_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedVisitId = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HasChecklist = table.Column<bool>(type: "INTEGER", nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Meals = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sleep = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GoingOut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DailyLife = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Worries = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiledByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    CorrectsReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    NoteErasedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitReports_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitReports_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitReports_PlannedVisits_PlannedVisitId",
                        column: x => x.PlannedVisitId,
                        principalTable: "PlannedVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitReports_VisitReports_CorrectsReportId",
                        column: x => x.CorrectsReportId,
                        principalTable: "VisitReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitAlerts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlannedVisitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AcknowledgedByOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitAlerts_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitAlerts_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitAlerts_PlannedVisits_PlannedVisitId",
                        column: x => x.PlannedVisitId,
                        principalTable: "PlannedVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitAlerts_VisitReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "VisitReports",
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
                name: "IX_Households_ContractId",
                table: "Households",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedVisits_ContractId_HouseholdId_OriginalDate",
                table: "PlannedVisits",
                columns: new[] { "ContractId", "HouseholdId", "OriginalDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlannedVisits_HouseholdId",
                table: "PlannedVisits",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedVisits_Status_ReportCount_Date",
                table: "PlannedVisits",
                columns: new[] { "Status", "ReportCount", "Date" });

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

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlerts_ContractId",
                table: "VisitAlerts",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlerts_HouseholdId",
                table: "VisitAlerts",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlerts_PlannedVisitId",
                table: "VisitAlerts",
                column: "PlannedVisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlerts_ReportId",
                table: "VisitAlerts",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAlerts_Severity_AcknowledgedAt_EscalatedAt_RaisedAt",
                table: "VisitAlerts",
                columns: new[] { "Severity", "AcknowledgedAt", "EscalatedAt", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitReports_ContractId_HouseholdId_VisitedAt",
                table: "VisitReports",
                columns: new[] { "ContractId", "HouseholdId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitReports_CorrectsReportId",
                table: "VisitReports",
                column: "CorrectsReportId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitReports_HouseholdId",
                table: "VisitReports",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitReports_PlannedVisitId",
                table: "VisitReports",
                column: "PlannedVisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "VisitAlerts");

            migrationBuilder.DropTable(
                name: "VisitReports");

            migrationBuilder.DropTable(
                name: "PlannedVisits");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_OneContractPerTask",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_Status",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "VisitWeekdays",
                table: "Tasks");

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
                name: "VisitsMade",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "VisitsPlanned",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "EmailNotifications",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_TaskId",
                table: "Contracts",
                column: "TaskId",
                unique: true);
        }
    }
}
