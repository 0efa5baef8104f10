using System.Net.Mail;
using Matchboard.Domain;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Matchboard.Web.Features.Join;

/// <summary>
/// Joining: an association, a civic group or an individual supporter signs up. The organization (unverified) and
/// its first user (email not yet confirmed) are made in one transaction with the city staff's
/// <c>RegistrationReceived</c>, or nothing is. An address that already has an account gets the same answer and
/// creates nothing; its owner is mailed that the account exists, with a link to reset its password.
/// </summary>
public sealed class RegistrationService(
    MatchboardDbContext db,
    UserManager<ApplicationUser> users,
    NotificationOutbox outbox,
    IRequestTransaction requestTransaction,
    IConstraintViolations violations,
    AccountMail mail,
    TimeProvider clock)
{
    public const int NameMaxLength = 200;
    public const int TownMaxLength = 40;
    public const int PersonNameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int EmailMaxLength = 256;
    public const int MaxCapacity = 100;

    /// <summary>Where city staff look at a new organization: its page in the verification queue.</summary>
    public static string CityPagePath(int organizationId) => $"/City/Organizations/{organizationId}";

    public async Task RegisterAsync(RegistrationRequest request, CancellationToken ct)
    {
        var errors = await ValidateAsync(request);
        DomainException.ThrowIfAny(errors);

        var kind = request.Kind!.Value;
        var name = request.Name!.Trim();
        var email = request.Email!.Trim();
        if (await db.Organizations.AnyAsync(o => o.Name == name && o.Ward == request.Ward, ct))
        {
            throw NameTaken();
        }

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            await AnswerAsDuplicateAsync(existing, request.Password!, ct);
            return;
        }

        var organization = kind switch
        {
            OrganizationKind.Association => Organization.RegisterAssociation(name, request.Ward!, request.Town!),
            OrganizationKind.CivicGroup => Organization.CreateCivicGroup(
                name, request.Ward!, request.Town?.Trim() ?? string.Empty, request.LegalForm!.Value, request.ActivityStyle!.Value,
                request.Categories!, request.WardsServed!, request.Capacity!.Value, Blank(request.Description)),
            _ => Organization.CreateSupporter(name, request.Ward!, request.Categories!, request.Availability),
        };
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = kind == OrganizationKind.Supporter ? name : request.ContactName!.Trim(),
        };

        var cityOffices = await db.Organizations.Where(o => o.Kind == OrganizationKind.CityOffice).Select(o => o.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        outbox.Add(() => cityOffices.Select(city => new Notification(
            city, NotificationType.RegistrationReceived, null, organization.Name, now, path: CityPagePath(organization.Id))));

        // Inside an idempotency key's transaction a lost race on the address must undo this sign-up's rows and
        // still answer 202, so it gets a savepoint to return to; on its own, the outbox's transaction rolls back.
        var joined = db.Database.CurrentTransaction;
        if (joined is not null)
        {
            await joined.CreateSavepointAsync(SignUpSavepoint, ct);
        }

        var organizationSaved = false;
        try
        {
            await outbox.CommitAsync(async () =>
            {
                db.Organizations.Add(organization);
                await db.SaveChangesAsync(ct);
                organizationSaved = true;
                user.OrganizationId = organization.Id;
                var created = await users.CreateAsync(user, request.Password!);
                if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                {
                    // A concurrent sign-up with this address committed between our check and Identity's.
                    throw new AddressTakenMeanwhile();
                }

                if (!created.Succeeded)
                {
                    throw new DomainException("registration.failed", DomainErrorKind.Conflict);
                }
            }, ct);
        }
        catch (Exception ex) when (ex is AddressTakenMeanwhile
            || (ex is DbUpdateException update && organizationSaved && violations.Classify(update) == ConstraintKind.Unique))
        {
            // Two sign-ups with one new address at once: the unique address index let the other through. This one
            // answers exactly as a duplicate does, so the race reveals no more than a plain duplicate would.
            await UndoAsync(joined, ct);
            var winner = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The address was taken, yet no account has it.");
            await AnswerAsDuplicateAsync(winner, request.Password!, ct);
            return;
        }
        catch (DbUpdateException ex) when (violations.Classify(ex) == ConstraintKind.Unique)
        {
            // Two sign-ups for the same name and ward at once: the unique index lets one through.
            db.ChangeTracker.Clear();
            throw NameTaken();
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }

        await AfterCommitAsync(() => mail.SendConfirmationAsync(user, ct));
    }

    private const string SignUpSavepoint = "sign-up";

    /// <summary>
    /// The same work and the same answer as a new sign-up; only the mail differs, and only the address's owner reads it.
    /// </summary>
    private async Task AnswerAsDuplicateAsync(ApplicationUser existing, string password, CancellationToken ct)
    {
        users.PasswordHasher.HashPassword(existing, password);
        await AfterCommitAsync(() => mail.SendAccountExistsAsync(existing, ct));
    }

    private async Task UndoAsync(IDbContextTransaction? joined, CancellationToken ct)
    {
        if (joined is not null)
        {
            await joined.RollbackToSavepointAsync(SignUpSavepoint, ct);
        }

        db.ChangeTracker.Clear();
    }

    private sealed class AddressTakenMeanwhile : Exception;

    private static DomainException NameTaken() => new("registration.name-taken", DomainErrorKind.Conflict);

    /// <summary>Mail goes only once the sign-up has committed (inside an idempotency key's transaction, once it has).</summary>
    private async Task AfterCommitAsync(Func<Task> send)
    {
        if (requestTransaction.IsOpen)
        {
            requestTransaction.AfterCommit(send);
            return;
        }

        await send();
    }

    /// <summary>Every field error at once, with the names the client sent, before anything is written.</summary>
    private async Task<List<FieldError>> ValidateAsync(RegistrationRequest request)
    {
        var errors = new List<FieldError>();
        if (request.Kind is not (OrganizationKind.Association or OrganizationKind.CivicGroup or OrganizationKind.Supporter))
        {
            errors.Add(new FieldError("kind", "unknown-kind"));
            return errors;
        }

        var kind = request.Kind.Value;
        Text(errors, "name", request.Name, NameMaxLength, required: true);
        if (string.IsNullOrWhiteSpace(request.Ward))
        {
            errors.Add(new FieldError("ward", "required"));
        }
        else if (!Wards.IsKnown(request.Ward))
        {
            errors.Add(new FieldError("ward", "unknown-ward"));
        }

        Text(errors, "town", request.Town, TownMaxLength, required: kind == OrganizationKind.Association);
        Text(errors, "contactName", request.ContactName, PersonNameMaxLength, required: kind != OrganizationKind.Supporter);
        if (kind != OrganizationKind.Association)
        {
            Known(errors, "categories", request.Categories, Domain.Categories.IsKnown, "unknown-category");
        }

        if (kind == OrganizationKind.CivicGroup)
        {
            Known(errors, "wardsServed", request.WardsServed, Wards.IsKnown, "unknown-ward");
            if (request.LegalForm is not { } form || !Enum.IsDefined(form))
            {
                errors.Add(new FieldError("legalForm", "required"));
            }

            if (request.ActivityStyle is not { } style || !Enum.IsDefined(style))
            {
                errors.Add(new FieldError("activityStyle", "required"));
            }

            if (request.Capacity is not { } capacity)
            {
                errors.Add(new FieldError("capacity", "required"));
            }
            else if (capacity is < 1 or > MaxCapacity)
            {
                errors.Add(new FieldError("capacity", "out-of-range"));
            }

            Text(errors, "description", request.Description, DescriptionMaxLength, required: false);
        }

        if (kind == OrganizationKind.Supporter)
        {
            Text(errors, "availability", request.Availability, Organization.AvailabilityMaxLength, required: false);
        }

        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(new FieldError("email", "required"));
        }
        else if (email.Length > EmailMaxLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            errors.Add(new FieldError("email", "invalid-email"));
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add(new FieldError("password", "required"));
        }
        else
        {
            errors.AddRange(await PasswordRules.CheckAsync(users, request.Password, "password"));
        }

        return errors;
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new FieldError(field, "required"));
            }
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "too-long", max));
        }
    }

    private static void Known(List<FieldError> errors, string field, IReadOnlyList<string>? values, Func<string, bool> isKnown, string code)
    {
        if (values is null || values.Count == 0)
        {
            errors.Add(new FieldError(field, "required"));
        }
        else if (!values.All(isKnown))
        {
            errors.Add(new FieldError(field, code));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
