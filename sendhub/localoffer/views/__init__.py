"""Thin views for the Local Offer: the public directory (`public`), staff moderation and content pages
(`manage`), and providers' own services (`provider`)."""
