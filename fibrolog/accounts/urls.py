from django.urls import path

from fibrolog.accounts import views

urlpatterns = [
    path("login/", views.login, name="login"),
    path("login/code/", views.login_code, name="login_code"),
    path("logout/", views.logout, name="logout"),
    path("signup/<str:token>/", views.signup, name="signup"),
    path("account/", views.account, name="account"),
    path("account/password/", views.password, name="account_password"),
    path("account/sessions/", views.sessions, name="account_sessions"),
    path("account/two-factor/", views.two_factor, name="account_two_factor"),
    path("manage/accounts/", views.accounts_list, name="manage_accounts"),
    path("manage/accounts/<int:pk>/unlock/", views.unlock, name="manage_unlock"),
    path("manage/invitations/", views.invitations, name="manage_invitations"),
    path("manage/invitations/<int:pk>/revoke/", views.revoke, name="manage_revoke"),
]
