import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as pg from 'pg';

@Injectable()
export class DatabaseService implements OnModuleDestroy {
    private readonly pool: pg.Pool;

    constructor(private readonly config: ConfigService) {
        this.pool = new pg.Pool({
            host: config.get<string>('DB_HOST'),
            port: config.get<number>('DB_PORT'),
            user: config.get<string>('DB_USER'),
            password: config.get<string>('DB_PASSWORD'),
            database: config.get<string>('DB_NAME'),
            idleTimeoutMillis: 10000,
            max: Number(process.env.PG_POOL_MAX ?? 10),
            connectionTimeoutMillis: 2000
        } as pg.PoolConfig);
    }

    query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]) {
        return this.pool.query<T>(sql, params);
    }

    async onModuleDestroy() {
        await this.pool.end();
    }
}
