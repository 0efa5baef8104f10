using Matchboard.Domain.Contracts;
using Matchboard.Domain.Visits;
using Matchboard.Web.Features.Alerts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Site;

/// <summary>
/// 個人情報の取扱い. Every period the page states comes from the rule that enforces it, never from the text,
/// so the page cannot promise what the code does not do.
/// </summary>
[AllowAnonymous]
public sealed class PrivacyModel(IOptions<ContactOptions> contact, IConfiguration configuration) : PageModel
{
    public ContactOptions Contact => contact.Value;

    /// <summary>Household labels, visitors' names and notes are erased this many years after the contract ends (<see cref="VisitErasureSweep"/>).</summary>
    public int PersonalDataKeptForYears => VisitRules.PersonalDataKeptForYears;

    /// <summary>Reviews stay sealed until both are in, or this many days after the contract ended.</summary>
    public int ReviewsSealedForDays => (int)Contract.ReviewsSealedFor.TotalDays;

    /// <summary>An urgent alert goes to city staff when no officer has acknowledged it within this many minutes (<see cref="AlertEscalationSweep"/>).</summary>
    public int EscalationMinutes => (int)configuration
        .GetValue(AlertEscalationSweep.AcknowledgeWithinSetting, VisitRules.DefaultAcknowledgeWithin).TotalMinutes;

    public void OnGet()
    {
    }
}

/// <summary>利用規約.</summary>
[AllowAnonymous]
public sealed class TermsModel(IOptions<ContactOptions> contact) : PageModel
{
    public ContactOptions Contact => contact.Value;

    public void OnGet()
    {
    }
}

/// <summary>お問い合わせ: the city office's contact, from configuration.</summary>
[AllowAnonymous]
public sealed class ContactModel(IOptions<ContactOptions> contact) : PageModel
{
    public ContactOptions Contact => contact.Value;

    public void OnGet()
    {
    }
}

/// <summary>このサイトについて: who runs it, what for, fairness and accessibility.</summary>
[AllowAnonymous]
public sealed class AboutModel(IOptions<ContactOptions> contact) : PageModel
{
    public ContactOptions Contact => contact.Value;

    public void OnGet()
    {
    }
}
