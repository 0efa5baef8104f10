using System.Net.Mail;
using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.City;

/// <summary>
/// <c>admin add-city-staff EMAIL</c>: Production starts with no account, so its first city-staff user is made from
/// the command line. Makes the city office if there is none, the user (email confirmed, no password), and prints
/// a one-time link to /Accounts/SetPassword. Nobody ever types or sees a password here.
/// </summary>
public sealed class AddCityStaffCommand(
    MatchboardDbContext db,
    UserManager<ApplicationUser> users,
    IConfiguration configuration,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions)
{
    public const string DefaultOfficeName = "川崎市 市民文化局 地域活動推進課";

    public async Task<int> RunAsync(string email, TextWriter output, CancellationToken ct)
    {
        email = email.Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            await output.WriteLineAsync($"Not an email address: {email}");
            return AdminCommandLine.UsageError;
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            await output.WriteLineAsync($"An account for {email} already exists; nothing was changed.");
            return AdminCommandLine.Refused;
        }

        // The office and the user together, or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var office = await db.Organizations.Where(o => o.Kind == OrganizationKind.CityOffice).OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (office is null)
        {
            office = Organization.CreateCityOffice(
                configuration["Matchboard:CityOffice:Name"] ?? DefaultOfficeName,
                configuration["Matchboard:CityOffice:Ward"] ?? Wards.Kawasaki,
                configuration["Matchboard:CityOffice:Town"] ?? "宮本町");
            db.Organizations.Add(office);
            await db.SaveChangesAsync(ct);
            await output.WriteLineAsync($"Created the city office: {office.Name}");
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = address.User,
            OrganizationId = office.Id,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            await output.WriteLineAsync($"{email} was not created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            return AdminCommandLine.Refused;
        }

        await transaction.CommitAsync(ct);

        // Identity's password-reset token: bound to the user's security stamp, which setting the password changes,
        // so the link works once.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var site = (configuration["Matchboard:PublicUrl"] ?? "http://localhost:5080").TrimEnd('/');
        await output.WriteLineAsync($"Created city staff {email} for {office.Name}.");
        await output.WriteLineAsync($"Send this link to them; it sets the password once and expires in {tokenOptions.Value.TokenLifespan.TotalHours:0} hours:");
        await output.WriteLineAsync($"{site}/Accounts/SetPassword?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}");
        return AdminCommandLine.Success;
    }
}
