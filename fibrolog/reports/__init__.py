"""The clinician report: a period's symptoms, questionnaires and treatments on two to four pages."""
